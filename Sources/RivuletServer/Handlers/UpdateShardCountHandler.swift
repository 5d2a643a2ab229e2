import RivuletCore
import RivuletStorage
import RivuletWire
import Synchronization

struct UpdateShardCountHandler: OperationHandler {
    typealias Operation = UpdateShardCountOperation
    let service: KinesisService

    /// The open shard count the change saw, for the response.
    private final class Observed: Sendable {
        let openShardCount = Mutex(0)
    }

    func handle(_ input: UpdateShardCountInput, context: RequestContext) async throws -> UpdateShardCountOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        _ = try await service.stream(key)
        let openElsewhere = try await ReshardRules.openShardsElsewhere(key, service: service)
        let limit = service.configuration.shardLimit
        let lifecycle = service.lifecycle
        let now = service.nowMilliseconds
        let target = input.targetShardCount
        let observed = Observed()
        try await service.changeStream(key) { stream in
            try ReshardRules.refuseOnDemand(.updateShardCount, stream)
            try ReshardRules.checkActive(stream)
            let open = stream.openShards.count
            try Self.checkTarget(target, open: open, limit: limit)
            guard openElsewhere + target <= limit else {
                throw ReshardRules.accountLimitExceeded(
                    key, open: openElsewhere + open, additional: target - open, limit: limit)
            }
            var planner = ReshardPlanner(stream: stream)
            planner.scaleUniformly(to: target)
            lifecycle.beginReshard(planner.pendingReshard, on: &stream, nowMilliseconds: now)
            observed.openShardCount.withLock { $0 = open }
        }
        let current = observed.openShardCount.withLock { $0 }
        service.logger.info(
            "shard count updated",
            metadata: ["stream.name": "\(key.name)", "shards.current": "\(current)", "shards.target": "\(target)"])
        return UpdateShardCountOutput(
            streamName: key.name, currentShardCount: current, targetShardCount: target, streamARN: key.streamARN)
    }

    /// At most double or half the open shards per call, and never more than the shard limit.
    private static func checkTarget(_ target: Int, open: Int, limit: Int) throws {
        let counts = "Current open shard count: \(open), Target shard count: \(target)"
        if target > limit {
            throw KinesisError(
                .limitExceeded,
                "Target shard count or number of open shards cannot be greater than \(limit). " + counts)
        }
        if target > open * 2 {
            throw KinesisError(
                .limitExceeded, "UpdateShardCount cannot scale up over double your current open shard count. " + counts)
        }
        if target * 2 < open {
            throw KinesisError(
                .limitExceeded,
                "UpdateShardCount cannot scale down below half your current open shard count. " + counts)
        }
    }
}
