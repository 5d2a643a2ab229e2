import RivuletCore
import RivuletStorage
import RivuletWire

struct PutRecordHandler: OperationHandler {
    typealias Operation = PutRecordOperation
    let service: KinesisService

    func handle(_ input: PutRecordInput, context: RequestContext) async throws -> PutRecordOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.readableStream(key)
        try RecordRouter.checkSize(data: input.data, partitionKey: input.partitionKey, stream: stream, path: "data")
        if let ordering = input.sequenceNumberForOrdering, SequenceNumber(parsing: ordering) == nil {
            throw KinesisError(
                .invalidArgument,
                "ExclusiveMinimumSequenceNumber \(ordering) used in PutRecord on stream \(key.name) under account "
                    + "\(key.scope.account) is invalid.")
        }
        let sealer = service.sealer
        let placed = try await ReroutingAppend.append(stream, service: service) { current, router in
            // The 128-bit hash key is worked out here, in synchronous code, rather than kept in the async frame
            // across the append: a 16-byte-aligned value captured there crashed the release build.
            let hashKey = try RecordRouter.hashKey(
                partitionKey: input.partitionKey, explicitHashKey: input.explicitHashKey)
            // Sealed (or not) as the stream routed to is encrypted, so the answer's EncryptionType says what happened.
            let sealingKey = try sealer.sealingKey(for: current)
            guard let shard = router.shard(for: hashKey) else {
                throw KinesisError.internalFailure("No open shard covers hash key \(hashKey).")
            }
            try service.admitWrite(
                to: shard.index, of: current, bytes: input.data.count + input.partitionKey.utf8.count)
            let record = try sealer.storable(partitionKey: input.partitionKey, data: input.data, key: sealingKey)
            return [ShardAppend(shardIndex: shard.index, records: [record])]
        }
        let receipts = placed.receipts
        guard let shard = placed.stream.shard(index: receipts[0].shardIndex) else {
            preconditionFailure("a record is stored in a shard of its stream")
        }
        service.metrics.recordRecordsIn(stream: key.name, records: 1, bytes: input.data.count)
        return PutRecordOutput(
            shardId: shard.id.description,
            sequenceNumber: shard.sequenceNumber(at: receipts[0].firstPosition).description,
            encryptionType: placed.stream.encryption == nil ? EncryptionType.none : .kms)
    }
}
