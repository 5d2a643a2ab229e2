import RivuletCore
import RivuletWire
import Synchronization

/// The control-plane call rates of the real service per account and region, applied with `--enforce-limits`;
/// calls beyond them are LimitExceededException. Data-plane operations are limited per shard instead
/// (ShardThroughputLimiter), and operations AWS does not rate-limit separately are not limited here.
final class ControlPlaneLimiter: Sendable {
    /// Calls per second AWS documents for each operation.
    static let ratesPerSecond: [KinesisAction: Double] = [
        .createStream: 5, .deleteStream: 5, .describeStream: 10, .describeStreamSummary: 20, .listStreams: 5,
        .listShards: 1_000, .splitShard: 5, .mergeShards: 5, .updateShardCount: 2, .updateStreamMode: 5,
        .addTagsToStream: 5, .removeTagsFromStream: 5, .listTagsForStream: 5, .tagResource: 5, .untagResource: 5,
        .listTagsForResource: 5, .increaseStreamRetentionPeriod: 5, .decreaseStreamRetentionPeriod: 5,
        .describeLimits: 1, .enableEnhancedMonitoring: 5, .disableEnhancedMonitoring: 5,
        .startStreamEncryption: 5, .stopStreamEncryption: 5, .registerStreamConsumer: 5,
        .deregisterStreamConsumer: 5, .describeStreamConsumer: 20, .listStreamConsumers: 5,
        .putResourcePolicy: 5, .getResourcePolicy: 5, .deleteResourcePolicy: 5, .updateMaxRecordSize: 5,
        .updateStreamWarmThroughput: 5, .describeAccountSettings: 5, .updateAccountSettings: 5,
    ]

    private struct Address: Hashable {
        var scope: StreamScope
        var action: KinesisAction
    }

    /// Callers tracked at most; beyond, all start afresh. Bounds memory when clients sign for very many regions.
    static let addressesTrackedMax = 10_000

    private let buckets = Mutex<[Address: TokenBucket]>([:])

    /// Throws LimitExceededException when the caller's rate for `action` is exceeded.
    func admit(_ action: KinesisAction, scope: StreamScope, nowMilliseconds: Int64) throws {
        guard let rate = Self.ratesPerSecond[action] else { return }
        let admitted = buckets.withLock { all in
            let address = Address(scope: scope, action: action)
            if all[address] == nil && all.count >= Self.addressesTrackedMax {
                all.removeAll(keepingCapacity: true)
            }
            let now = nowMilliseconds * 1_000_000
            var bucket = all[address] ?? TokenBucket(ratePerSecond: rate, nowNanoseconds: now)
            let admitted = bucket.take(1, nowNanoseconds: now)
            all[address] = bucket
            return admitted
        }
        guard admitted else {
            throw KinesisError(
                .limitExceeded, "Rate exceeded for \(action.rawValue) under account \(scope.account).")
        }
    }
}
