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
        let sealer = service.sealer
        // Records refused by the shard limits or by injected faults, by request position, with their error.
        var refused: [Int: KinesisError] = [:]
        let placed = try await ReroutingAppend.append(stream, service: service) { current, router in
            // Sealed (or not) as the stream routed to is encrypted, so the answer's EncryptionType says what happened.
            let sealingKey = try sealer.sealingKey(for: current)
            var batchIndexByShard: [Int: Int] = [:]
            var batches: [ShardAppend] = []
            refused = [:]
            for (position, (entry, hashKey)) in zip(records, hashKeys).enumerated() {
                guard let shard = router.shard(for: hashKey) else {
                    throw KinesisError.internalFailure("No open shard covers hash key \(hashKey).")
                }
                do {
                    try service.admitRecordOfPutRecords(
                        to: shard.index, of: current, bytes: entry.data.count + entry.partitionKey.utf8.count)
                } catch let error as KinesisError {
                    refused[position] = error
                    continue
                }
                if batchIndexByShard[shard.index] == nil {
                    batchIndexByShard[shard.index] = batches.count
                    batches.append(ShardAppend(shardIndex: shard.index, records: []))
                }
                batches[batchIndexByShard[shard.index]!].records.append(
                    try sealer.storable(partitionKey: entry.partitionKey, data: entry.data, key: sealingKey))
            }
            return batches
        }
        service.metrics.recordRecordsIn(stream: key.name, records: input.records.count, bytes: requestBytes)
        var nextOffsetByBatch = Array(repeating: 0, count: placed.batches.count)
        let batchByShard = Dictionary(
            uniqueKeysWithValues: placed.batches.enumerated().map { ($1.shardIndex, $0) })
        let router = RecordRouter(stream: placed.stream)
        var results: [PutRecordsResultEntry] = []
        results.reserveCapacity(hashKeys.count)
        for (position, hashKey) in hashKeys.enumerated() {
            if let error = refused[position] {
                results.append(PutRecordsResultEntry(errorCode: error.code.rawValue, errorMessage: error.message))
                continue
            }
            let batch = batchByShard[router.shard(for: hashKey)!.index]!
            let receipt = placed.receipts[batch]
            let shard = placed.stream.shard(index: receipt.shardIndex)!
            results.append(
                PutRecordsResultEntry(
                    sequenceNumber: shard.sequenceNumber(at: receipt.firstPosition + UInt64(nextOffsetByBatch[batch]))
                        .description,
                    shardId: shard.id.description))
            nextOffsetByBatch[batch] += 1
        }
        return PutRecordsOutput(
            failedRecordCount: refused.count, records: results,
            encryptionType: placed.stream.encryption == nil ? EncryptionType.none : .kms)
    }
}
