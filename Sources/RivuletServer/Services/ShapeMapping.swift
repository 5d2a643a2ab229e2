import RivuletCore
import RivuletStorage
import RivuletWire

/// Conversions from catalog descriptors to the API's shapes, shared by the describe and list operations.
extension ShardDescriptor {
    var wireShard: Shard {
        let ending = closedAtPosition.map { sequenceNumber(at: $0 == 0 ? 0 : $0 - 1).description }
        return Shard(
            shardId: id.description,
            parentShardId: parentIndex.map { ShardID(index: $0).description },
            adjacentParentShardId: adjacentParentIndex.map { ShardID(index: $0).description },
            hashKeyRange: WireHashKeyRange(
                startingHashKey: String(hashKeyRange.startingHashKey),
                endingHashKey: String(hashKeyRange.endingHashKey)),
            sequenceNumberRange: SequenceNumberRange(
                startingSequenceNumber: sequenceNumber(at: 0).description, endingSequenceNumber: ending))
    }
}

extension StreamDescriptor {
    var wireStreamModeDetails: StreamModeDetails { StreamModeDetails(streamMode: mode) }

    var wireCreationTimestamp: WireTimestamp { WireTimestamp(epochMilliseconds: createdMilliseconds) }

    var wireEnhancedMonitoring: [EnhancedMetrics] {
        [EnhancedMetrics(shardLevelMetrics: shardLevelMetrics.compactMap { MetricsName(rawValue: $0) })]
    }

    var wireTags: [Tag] { tags.map { Tag(key: $0.key, value: $0.value) } }
}
