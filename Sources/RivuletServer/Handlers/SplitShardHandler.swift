import RivuletCore
import RivuletStorage
import RivuletWire

struct SplitShardHandler: OperationHandler {
    typealias Operation = SplitShardOperation
    let service: KinesisService

    func handle(_ input: SplitShardInput, context: RequestContext) async throws -> SplitShardOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let index = try ReshardRules.shardIndex(input.shardToSplit, stream: key)
        _ = try await service.stream(key)
        let openElsewhere = try await ReshardRules.openShardsElsewhere(key, service: service)
        let limit = service.configuration.shardLimit
        let lifecycle = service.lifecycle
        let now = service.nowMilliseconds
        let keyText = input.newStartingHashKey
        try await service.changeStream(key) { stream in
            try ReshardRules.refuseOnDemand(.splitShard, stream)
            let shard = try ReshardRules.openShard(index, in: stream)
            let open = openElsewhere + stream.openShards.count
            guard open + 1 <= limit else {
                throw ReshardRules.accountLimitExceeded(key, open: open, additional: 1, limit: limit)
            }
            let newStartingHashKey = try Self.splitKey(keyText, of: shard, in: stream)
            try ReshardRules.checkActive(stream)
            var planner = ReshardPlanner(stream: stream)
            planner.split(shard.index, at: newStartingHashKey)
            lifecycle.beginReshard(planner.pendingReshard, on: &stream, nowMilliseconds: now)
        }
        service.logger.info(
            "shard split", metadata: ["stream.name": "\(key.name)", "shard.id": "\(ShardID(index: index))"])
        return SplitShardOutput()
    }

    /// AWS takes a key strictly above the shard's StartingHashKey plus one and strictly below its EndingHashKey, so
    /// that both children are more than a single key wide at the low end.
    private static func splitKey(_ text: String, of shard: ShardDescriptor, in stream: StreamDescriptor) throws -> UInt128 {
        let range = shard.hashKeyRange
        if let key = HashKey.parse(decimal: text), key > range.startingHashKey, key - range.startingHashKey > 1,
            key < range.endingHashKey
        {
            return key
        }
        throw KinesisError(
            .invalidArgument,
            "NewStartingHashKey \(text) used in SplitShard() on shard \(shard.id) in stream \(stream.key.name) under "
                + "account \(stream.key.scope.account) is not both greater than one plus the shard's StartingHashKey "
                + "\(range.startingHashKey) and less than the shard's EndingHashKey \(range.endingHashKey).")
    }
}
