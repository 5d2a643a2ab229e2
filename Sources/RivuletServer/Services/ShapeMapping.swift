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
    /// A stored record as the API returns it, its data opened when it was sealed. A record that cannot be opened
    /// fails the read with a KMS error: a reader never gets ciphertext, or data that may not be what was put.
    func wireRecord(_ record: StoredRecord, sealer: RecordSealer) throws(KinesisError) -> Record {
        let sequenceNumber = sequenceNumber(at: record.position).description
        let opened: (partitionKey: String, data: [UInt8])
        do throws(SealedDataFailure) {
            opened = try sealer.open(record)
        } catch {
            throw error.kinesisError(sequenceNumber: sequenceNumber)
        }
        return Record(
            sequenceNumber: sequenceNumber,
            approximateArrivalTimestamp: WireTimestamp(epochMilliseconds: record.arrivalMilliseconds),
            data: opened.data,
            partitionKey: opened.partitionKey,
            encryptionType: record.sealed ? .kms : nil)
    }

    /// Records of one read as the API returns them; the first that cannot be opened fails them all.
    func wireRecords(_ records: [StoredRecord], sealer: RecordSealer) throws(KinesisError) -> [Record] {
        var wire: [Record] = []
        wire.reserveCapacity(records.count)
        for record in records {
            wire.append(try wireRecord(record, sealer: sealer))
        }
        return wire
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
