import RivuletCore
import RivuletStorage
import RivuletWire

struct MergeShardsHandler: OperationHandler {
    typealias Operation = MergeShardsOperation
    let service: KinesisService

    func handle(_ input: MergeShardsInput, context: RequestContext) async throws -> MergeShardsOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let index = try ReshardRules.shardIndex(input.shardToMerge, stream: key)
        let adjacentIndex = try ReshardRules.shardIndex(input.adjacentShardToMerge, stream: key)
        let lifecycle = service.lifecycle
        let now = service.nowMilliseconds
        try await service.changeStream(key) { stream in
            try ReshardRules.refuseOnDemand(.mergeShards, stream)
            let lower = try ReshardRules.openShard(index, in: stream)
            let upper = try ReshardRules.openShard(adjacentIndex, in: stream)
            // The first shard must be the lower of the pair: AWS refuses the same pair given the other way round.
            let lowerEnd = lower.hashKeyRange.endingHashKey
            guard lowerEnd < UInt128.max, lowerEnd + 1 == upper.hashKeyRange.startingHashKey else {
                throw KinesisError(
                    .invalidArgument,
                    "Shards \(lower.id) and \(upper.id) in stream \(key.name) under account \(key.scope.account) are "
                        + "not an adjacent pair of shards eligible for merging")
            }
            try ReshardRules.checkActive(stream)
            var planner = ReshardPlanner(stream: stream)
            planner.merge(lower.index, upper.index)
            lifecycle.beginReshard(planner.pendingReshard, on: &stream, nowMilliseconds: now)
        }
        service.logger.info(
            "shards merged",
            metadata: [
                "stream.name": "\(key.name)", "shard.id": "\(ShardID(index: index))",
                "shard.adjacent": "\(ShardID(index: adjacentIndex))",
            ])
        return MergeShardsOutput()
    }
}
