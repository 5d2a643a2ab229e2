import RivuletCore
import RivuletStorage

/// Removes closed shards once the stream's retention has passed since they closed: every record they hold is then
/// expired, and AWS stops listing them too. Their children keep naming them as parents.
struct ClosedShardExpiry {
    private static let millisecondsPerHour: Int64 = 3_600_000

    let store: any StreamStore

    /// Returns how many shards were removed.
    @discardableResult
    func run(nowMilliseconds: Int64) async throws -> Int {
        var removed = 0
        for stream in try await store.streams() where stream.shards.contains(where: { Self.isExpired($0, stream, nowMilliseconds) }) {
            let before = stream.shards.count
            let after = try await store.updateStream(stream.key) { stream in
                let current = stream
                stream.shards.removeAll { Self.isExpired($0, current, nowMilliseconds) }
            }
            removed += before - after.shards.count
        }
        return removed
    }

    static func isExpired(_ shard: ShardDescriptor, _ stream: StreamDescriptor, _ nowMilliseconds: Int64) -> Bool {
        guard let closed = shard.closedMilliseconds else { return false }
        return closed < nowMilliseconds - Int64(stream.retentionHours) * millisecondsPerHour
    }
}
