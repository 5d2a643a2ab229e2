import RivuletCore
import Synchronization

/// The in-memory twin of `FileStreamStore`, for tests of the layers above: the same positions, arrival times from
/// the clock, closing of shards, retention and errors, without files. Retention drops individual records rather than
/// whole segments, which is what the file store does with segments of one record.
public final class MemoryStreamStore: StreamStore {
    private struct State {
        var descriptors: [StreamKey: StreamDescriptor] = [:]
        var shards: [StreamKey: [Int: MemoryShard]] = [:]
        var isClosed = false

        func checkOpen() throws {
            if isClosed { throw StorageError.closed }
        }
    }

    private static let millisecondsPerHour: Int64 = 3_600_000

    private let state = Mutex(State())
    private let clock: any WallClock

    public init(clock: any WallClock = SystemClock()) {
        self.clock = clock
    }

    public func streams() async throws -> [StreamDescriptor] {
        try state.withLock { state in
            try state.checkOpen()
            return Array(state.descriptors.values)
        }
    }

    public func stream(_ key: StreamKey) async throws -> StreamDescriptor? {
        try state.withLock { state in
            try state.checkOpen()
            return state.descriptors[key]
        }
    }

    public func createStream(_ descriptor: StreamDescriptor) async throws {
        try state.withLock { state in
            try state.checkOpen()
            guard state.descriptors[descriptor.key] == nil else { throw StorageError.streamExists(descriptor.key) }
            state.descriptors[descriptor.key] = descriptor
            state.shards[descriptor.key] = Dictionary(
                uniqueKeysWithValues: descriptor.shards.map { ($0.index, MemoryShard()) })
        }
    }

    @discardableResult
    public func updateStream(
        _ key: StreamKey, _ change: @Sendable (inout StreamDescriptor) throws -> Void
    ) async throws -> StreamDescriptor {
        try state.withLock { state in
            try state.checkOpen()
            guard let before = state.descriptors[key], var shards = state.shards[key] else {
                throw StorageError.streamNotFound(key)
            }
            var after = before
            try change(&after)
            precondition(after.key == key, "updateStream must not change a stream's key")
            for number in after.shards.indices where !after.shards[number].isOpen {
                let index = after.shards[number].index
                guard before.shard(index: index)?.isOpen ?? false else { continue }
                after.shards[number].closedAtPosition = shards[index]?.nextPosition ?? 0
            }
            for shard in after.shards where shards[shard.index] == nil {
                shards[shard.index] = MemoryShard()
            }
            for shard in before.shards where after.shard(index: shard.index) == nil {
                shards[shard.index] = nil
            }
            state.descriptors[key] = after
            state.shards[key] = shards
            return after
        }
    }

    public func deleteStream(_ key: StreamKey) async throws {
        try state.withLock { state in
            try state.checkOpen()
            guard state.descriptors.removeValue(forKey: key) != nil else { throw StorageError.streamNotFound(key) }
            state.shards[key] = nil
        }
    }

    public func append(_ key: StreamKey, _ batches: [ShardAppend]) async throws -> [AppendReceipt] {
        let now = clock.nowMilliseconds()
        return try state.withLock { state in
            try state.checkOpen()
            guard let descriptor = state.descriptors[key], var shards = state.shards[key] else {
                throw StorageError.streamNotFound(key)
            }
            for batch in batches {
                precondition(!batch.records.isEmpty, "an append batch holds at least one record")
                guard let shard = descriptor.shard(index: batch.shardIndex), shards[shard.index] != nil else {
                    throw StorageError.shardNotFound(key, shardIndex: batch.shardIndex)
                }
                guard shard.isOpen else { throw StorageError.shardClosed(key, shardIndex: batch.shardIndex) }
            }
            let receipts = batches.map { batch in
                shards[batch.shardIndex]!.append(batch, nowMilliseconds: now)
            }
            state.shards[key] = shards
            return receipts
        }
    }

    public func read(
        _ key: StreamKey, shardIndex: Int, from position: UInt64, recordLimit: Int, byteLimit: Int
    ) async throws -> ShardReadResult {
        precondition(recordLimit > 0 && byteLimit > 0, "read limits must be positive")
        return try shard(key, shardIndex).read(from: position, recordLimit: recordLimit, byteLimit: byteLimit)
    }

    public func position(_ key: StreamKey, shardIndex: Int, atTimestamp milliseconds: Int64) async throws -> UInt64 {
        try shard(key, shardIndex).position(atTimestamp: milliseconds)
    }

    public func shardState(_ key: StreamKey, shardIndex: Int) async throws -> ShardState {
        try shard(key, shardIndex).state
    }

    private func shard(_ key: StreamKey, _ shardIndex: Int) throws -> MemoryShard {
        try state.withLock { state in
            try state.checkOpen()
            guard let shards = state.shards[key] else { throw StorageError.streamNotFound(key) }
            guard let shard = shards[shardIndex] else { throw StorageError.shardNotFound(key, shardIndex: shardIndex) }
            return shard
        }
    }

    @discardableResult
    public func enforceRetention(nowMilliseconds: Int64) async throws -> Int64 {
        try state.withLock { state in
            try state.checkOpen()
            var freedBytes: Int64 = 0
            for (key, descriptor) in state.descriptors {
                let cutoff = nowMilliseconds - Int64(descriptor.retentionHours) * Self.millisecondsPerHour
                for index in state.shards[key, default: [:]].keys {
                    freedBytes += state.shards[key]![index]!.removeRecords(arrivedBefore: cutoff)
                }
            }
            return freedBytes
        }
    }

    public func storedBytes() async -> Int64 {
        state.withLock { state in
            state.shards.values.reduce(0) { total, shards in
                shards.values.reduce(total) { $0 + $1.storedBytes }
            }
        }
    }

    public func close() async throws {
        state.withLock { state in
            state.isClosed = true
            state.descriptors.removeAll()
            state.shards.removeAll()
        }
    }
}
