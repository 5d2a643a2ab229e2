import RivuletCore
import RivuletStorage
import RivuletWire

/// Conversions from catalog descriptors to the API's shapes, shared by the describe and list operations.
extension ShardDescriptor {
    var wireShard: Shard {
        // A shard closed before its first record ends where it starts.
        let ending = closedAtPosition.map { ($0 == 0 ? startingSequenceNumber : sequenceNumber(at: $0 - 1)).description }
        return Shard(
            shardId: id.description,
            parentShardId: parentIndex.map { ShardID(index: $0).description },
            adjacentParentShardId: adjacentParentIndex.map { ShardID(index: $0).description },
            hashKeyRange: WireHashKeyRange(
                startingHashKey: String(hashKeyRange.startingHashKey),
                endingHashKey: String(hashKeyRange.endingHashKey)),
            sequenceNumberRange: SequenceNumberRange(
                startingSequenceNumber: startingSequenceNumber.description, endingSequenceNumber: ending))
    }
}

extension ShardDescriptor {
    /// A stored record as the API returns it.
    func wireRecord(_ record: StoredRecord) -> Record {
        Record(
            sequenceNumber: sequenceNumber(at: record.position).description,
            approximateArrivalTimestamp: WireTimestamp(epochMilliseconds: record.arrivalMilliseconds),
            data: record.data,
            partitionKey: record.partitionKey)
    }
}

extension StreamDescriptor {
    var wireStreamModeDetails: StreamModeDetails { StreamModeDetails(streamMode: mode) }

    var wireCreationTimestamp: WireTimestamp { WireTimestamp(epochMilliseconds: createdMilliseconds) }

    var wireEnhancedMonitoring: [EnhancedMetrics] {
        [EnhancedMetrics(shardLevelMetrics: shardLevelMetrics.compactMap { MetricsName(rawValue: $0) })]
    }

    var wireTags: [Tag] { tags.map { Tag(key: $0.key, value: $0.value) } }

    /// Set once asked for; in place at once, as this server provisions no capacity.
    var wireWarmThroughput: WarmThroughputObject? {
        warmThroughputMiBps.map { WarmThroughputObject(targetMiBps: $0, currentMiBps: $0) }
    }

    /// The shards that replaced a closed one, for consumers to continue with.
    func wireChildShards(of parent: ShardDescriptor) -> [ChildShard] {
        shards
            .filter { $0.parentIndex == parent.index || $0.adjacentParentIndex == parent.index }
            .map { child in
                ChildShard(
                    shardId: child.id.description,
                    parentShards: [child.parentIndex, child.adjacentParentIndex].compactMap { $0 }
                        .map { ShardID(index: $0).description },
                    hashKeyRange: child.wireShard.hashKeyRange)
            }
    }
}
