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

        init(nowNanoseconds now: Int64) {
            writeRecords = TokenBucket(ratePerSecond: 1_000, nowNanoseconds: now)
            writeBytes = TokenBucket(ratePerSecond: 1_048_576, nowNanoseconds: now)
            readCalls = TokenBucket(ratePerSecond: 5, nowNanoseconds: now)
            readBytes = TokenBucket(ratePerSecond: 2_097_152, nowNanoseconds: now)
            iteratorCalls = TokenBucket(ratePerSecond: 5, nowNanoseconds: now)
        }
    }

    /// Shards tracked at most; beyond, the least recently created are forgotten (and start full again). Bounds
    /// memory on a server that has seen very many shards.
    static let shardsTrackedMax = 100_000

    private let buckets = Mutex<[Address: Buckets]>([:])

    /// Admits one record of `bytes` (data plus partition key) to the shard, or refuses it.
    func admitWrite(_ address: Address, bytes: Int, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { buckets, now in
            buckets.writeRecords.refill(nowNanoseconds: now)
            buckets.writeBytes.refill(nowNanoseconds: now)
            guard buckets.writeRecords.allows(1), buckets.writeBytes.allows(Double(bytes)) else { return false }
            buckets.writeRecords.take(1)
            buckets.writeBytes.take(Double(bytes))
            return true
        }
    }

    /// Admits a GetRecords call: the call rate, and any read debt left by earlier large answers.
    func admitRead(_ address: Address, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { buckets, now in
            guard buckets.readBytes.hasTokens(nowNanoseconds: now) else { return false }
            return buckets.readCalls.take(1, nowNanoseconds: now)
        }
    }

    /// Charges the bytes a GetRecords answer carried.
    func chargeRead(_ address: Address, bytes: Int, nowMilliseconds: Int64) {
        withBuckets(address, nowMilliseconds) { buckets, now in
            buckets.readBytes.charge(Double(bytes), nowNanoseconds: now)
        }
    }

    func admitIterator(_ address: Address, nowMilliseconds: Int64) -> Bool {
        withBuckets(address, nowMilliseconds) { buckets, now in buckets.iteratorCalls.take(1, nowNanoseconds: now) }
    }

    /// Runs `body` on the shard's buckets with the time in the buckets' unit.
    private func withBuckets<Result>(
        _ address: Address, _ nowMilliseconds: Int64, _ body: (inout Buckets, Int64) -> Result
    ) -> Result {
        let now = nowMilliseconds * 1_000_000
        return buckets.withLock { all in
            if all[address] == nil && all.count >= Self.shardsTrackedMax {
                all.removeAll(keepingCapacity: true)
            }
            var shard = all[address] ?? Buckets(nowNanoseconds: now)
            let result = body(&shard, now)
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
