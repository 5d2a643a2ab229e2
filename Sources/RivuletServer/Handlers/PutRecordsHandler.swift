import RivuletCore
import RivuletStorage
import RivuletWire

struct PutRecordsHandler: OperationHandler {
    typealias Operation = PutRecordsOperation
    let service: KinesisService

    func handle(_ input: PutRecordsInput, context: RequestContext) async throws -> PutRecordsOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.readableStream(key)
        // Sizes and hash keys do not depend on the shard layout: check them once, before routing.
        var requestBytes = 0
        var hashKeys: [UInt128] = []
        hashKeys.reserveCapacity(input.records.count)
        for (position, entry) in input.records.enumerated() {
            try RecordRouter.checkSize(
                data: entry.data, partitionKey: entry.partitionKey, stream: stream,
                path: "records.\(position + 1).member.data")
            requestBytes += entry.data.count + entry.partitionKey.utf8.count
            hashKeys.append(
                try RecordRouter.hashKey(partitionKey: entry.partitionKey, explicitHashKey: entry.explicitHashKey))
        }
        guard requestBytes <= Limits.putRecordsBytesMax else {
            throw KinesisError(
                .invalidArgument,
                "Records size exceeds \(Limits.putRecordsBytesMax / (1024 * 1024)) MB limit.")
        }

        // Group the records by shard, keeping request order within each shard, and remember where each went.
        let records = input.records
        let placed = try await ReroutingAppend.append(stream, service: service) { _, router in
            var batchIndexByShard: [Int: Int] = [:]
            var batches: [ShardAppend] = []
            for (entry, hashKey) in zip(records, hashKeys) {
                guard let shard = router.shard(for: hashKey) else {
                    throw KinesisError.internalFailure("No open shard covers hash key \(hashKey).")
                }
                if batchIndexByShard[shard.index] == nil {
                    batchIndexByShard[shard.index] = batches.count
                    batches.append(ShardAppend(shardIndex: shard.index, records: []))
                }
                batches[batchIndexByShard[shard.index]!].records.append(
                    AppendRecord(partitionKey: entry.partitionKey, data: entry.data))
            }
            return batches
        }
        service.metrics.recordRecordsIn(stream: key.name, records: input.records.count, bytes: requestBytes)
        var nextOffsetByBatch = Array(repeating: 0, count: placed.batches.count)
        let batchByShard = Dictionary(
            uniqueKeysWithValues: placed.batches.enumerated().map { ($1.shardIndex, $0) })
        let router = RecordRouter(stream: placed.stream)
        var placements: [(batch: Int, offset: Int)] = []
        placements.reserveCapacity(hashKeys.count)
        for hashKey in hashKeys {
            let batch = batchByShard[router.shard(for: hashKey)!.index]!
            placements.append((batch, nextOffsetByBatch[batch]))
            nextOffsetByBatch[batch] += 1
        }
        let results = placements.map { placement in
            let receipt = placed.receipts[placement.batch]
            let shard = placed.stream.shard(index: receipt.shardIndex)!
            return PutRecordsResultEntry(
                sequenceNumber: shard.sequenceNumber(at: receipt.firstPosition + UInt64(placement.offset)).description,
                shardId: shard.id.description)
        }
        return PutRecordsOutput(failedRecordCount: 0, records: results, encryptionType: EncryptionType.none)
    }
}
