import RivuletCore
import RivuletStorage
import RivuletWire

struct PutRecordsHandler: OperationHandler {
    typealias Operation = PutRecordsOperation
    let service: KinesisService

    func handle(_ input: PutRecordsInput, context: RequestContext) async throws -> PutRecordsOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.readableStream(key)
        let router = RecordRouter(stream: stream)

        // Group the records by shard, keeping request order within each shard, and remember where each went.
        var requestBytes = 0
        var batchIndexByShard: [Int: Int] = [:]
        var batches: [ShardAppend] = []
        var placements: [(batch: Int, offset: Int)] = []
        placements.reserveCapacity(input.records.count)
        for (position, entry) in input.records.enumerated() {
            try RecordRouter.checkSize(
                data: entry.data, partitionKey: entry.partitionKey, stream: stream,
                path: "records.\(position + 1).member.data")
            requestBytes += entry.data.count + entry.partitionKey.utf8.count
            let hashKey = try RecordRouter.hashKey(
                partitionKey: entry.partitionKey, explicitHashKey: entry.explicitHashKey)
            guard let shard = router.shard(for: hashKey) else {
                throw KinesisError.internalFailure("No open shard covers hash key \(hashKey).")
            }
            let batch: Int
            if let known = batchIndexByShard[shard.index] {
                batch = known
            } else {
                batch = batches.count
                batchIndexByShard[shard.index] = batch
                batches.append(ShardAppend(shardIndex: shard.index, records: []))
            }
            placements.append((batch, batches[batch].records.count))
            batches[batch].records.append(AppendRecord(partitionKey: entry.partitionKey, data: entry.data))
        }
        guard requestBytes <= Limits.putRecordsBytesMax else {
            throw KinesisError(
                .invalidArgument,
                "Records size exceeds \(Limits.putRecordsBytesMax / (1024 * 1024)) MB limit.")
        }

        let receipts = try await service.store.append(key, batches)
        service.metrics.recordRecordsIn(stream: key.name, records: input.records.count, bytes: requestBytes)
        let results = placements.map { placement in
            let receipt = receipts[placement.batch]
            let shard = stream.shard(index: receipt.shardIndex)!
            return PutRecordsResultEntry(
                sequenceNumber: shard.sequenceNumber(at: receipt.firstPosition + UInt64(placement.offset)).description,
                shardId: shard.id.description)
        }
        return PutRecordsOutput(failedRecordCount: 0, records: results, encryptionType: EncryptionType.none)
    }
}
