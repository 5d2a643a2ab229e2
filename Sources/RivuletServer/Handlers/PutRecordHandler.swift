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
        let hashKey = try RecordRouter.hashKey(partitionKey: input.partitionKey, explicitHashKey: input.explicitHashKey)
        let record = AppendRecord(partitionKey: input.partitionKey, data: input.data)
        let placed = try await ReroutingAppend.append(stream, service: service) { _, router in
            guard let shard = router.shard(for: hashKey) else {
                throw KinesisError.internalFailure("No open shard covers hash key \(hashKey).")
            }
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
            encryptionType: EncryptionType.none)
    }
}
