import RivuletCore
import Synchronization

/// The per-shard limits of the real service, applied when the server runs with `--enforce-limits`: writes of
/// 1 MiB/s and 1,000 records/s, reads of 2 MiB/s and 5 GetRecords calls/s, and 5 GetShardIterator calls/s. Each shard
/// has its own buckets, created full at first use, so a burst of one second's allowance goes through at once.
final class ShardThroughputLimiter: Sendable {
    struct Address: Hashable, Sendable {
        var stream: StreamKey
        var shardIndex: Int
    }

    private struct Buckets {
        var writeRecords: TokenBucket
        var writeBytes: TokenBucket
        var readCalls: TokenBucket
        var readBytes: TokenBucket
        var iteratorCalls: TokenBucket

        init(nowMilliseconds now: Int64) {
            writeRecords = TokenBucket(ratePerSecond: 1_000, capacity: 1_000, nowMilliseconds: now)
            writeBytes = TokenBucket(ratePerSecond: 1_048_576, capacity: 1_048_576, nowMilliseconds: now)
            readCalls = TokenBucket(ratePerSecond: 5, capacity: 5, nowMilliseconds: now)
            readBytes = TokenBucket(ratePerSecond: 2_097_152, capacity: 2_097_152, nowMilliseconds: now)
            iteratorCalls = TokenBucket(ratePerSecond: 5, capacity: 5, nowMilliseconds: now)
        }
    }

    /// Shards tracked at most; beyond, the least recently created are forgotten (and start full again). Bounds
    /// memory on a server that has seen very many shards.
    static let shardsTrackedMax = 100_000

    private let buckets = Mutex<[Address: Buckets]>([:])

    /// Admits one record of `bytes` (data plus partition key) to the shard, or refuses it.
    func admitWrite(_ address: Address, bytes: Int, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { buckets in
            buckets.writeRecords.refill(nowMilliseconds: nowMilliseconds)
            buckets.writeBytes.refill(nowMilliseconds: nowMilliseconds)
            guard buckets.writeRecords.tokens >= 1, buckets.writeBytes.tokens >= Double(bytes) else { return false }
            _ = buckets.writeRecords.take(1, nowMilliseconds: nowMilliseconds)
            _ = buckets.writeBytes.take(Double(bytes), nowMilliseconds: nowMilliseconds)
            return true
        }
    }

    /// Admits a GetRecords call: the call rate, and any read debt left by earlier large answers.
    func admitRead(_ address: Address, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { buckets in
            guard buckets.readBytes.hasTokens(nowMilliseconds: nowMilliseconds) else { return false }
            return buckets.readCalls.take(1, nowMilliseconds: nowMilliseconds)
        }
    }

    /// Charges the bytes a GetRecords answer carried.
    func chargeRead(_ address: Address, bytes: Int, nowMilliseconds: Int64) {
        withBuckets(address, nowMilliseconds) { buckets in
            buckets.readBytes.charge(Double(bytes), nowMilliseconds: nowMilliseconds)
        }
    }

    func admitIterator(_ address: Address, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { $0.iteratorCalls.take(1, nowMilliseconds: nowMilliseconds) }
    }

    private func withBuckets<Result>(
        _ address: Address, _ now: Int64, _ body: (inout Buckets) -> Result
    ) -> Result {
        buckets.withLock { all in
            if all[address] == nil && all.count >= Self.shardsTrackedMax {
                all.removeAll(keepingCapacity: true)
            }
            var shard = all[address] ?? Buckets(nowMilliseconds: now)
            let result = body(&shard)
            all[address] = shard
            return result
        }
    }

    /// AWS's words when a shard's limit is exceeded.
    static func exceeded(_ address: Address) -> String {
        "Rate exceeded for shard \(ShardID(index: address.shardIndex)) in stream \(address.stream.name) under account "
            + "\(address.stream.scope.account)."
    }
}
