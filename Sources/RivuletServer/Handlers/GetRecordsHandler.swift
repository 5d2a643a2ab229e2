import RivuletCore
import RivuletStorage
import RivuletWire

struct GetRecordsHandler: OperationHandler {
    typealias Operation = GetRecordsOperation
    let service: KinesisService

    func handle(_ input: GetRecordsInput, context: RequestContext) async throws -> GetRecordsOutput {
        let now = service.nowMilliseconds
        let iterator = try service.iterators.open(input.shardIterator, nowMilliseconds: now)
        let key = StreamKey(account: iterator.account, region: iterator.region, name: iterator.streamName)
        guard key.scope == context.scope else {
            throw KinesisError(.invalidArgument, "Invalid ShardIterator.")
        }
        if let arn = input.streamARN, try StreamResolver.key(arn: arn, context: context) != key {
            throw KinesisError(.invalidArgument, "Invalid ShardIterator.")
        }
        let shardId = ShardID(index: iterator.shardIndex)
        let missingShard = KinesisError.shardNotFound(shardId, in: key)
        // A stream deleted (or re-created) since the iterator was issued means its shard is gone; any other failure,
        // such as a disk error, must reach the caller as itself rather than as a missing shard.
        let current: StreamDescriptor?
        do {
            current = try await service.readableStream(key)
        } catch let error as KinesisError where error.code == .resourceNotFound {
            current = nil
        }
        guard let stream = current, stream.createdMilliseconds == iterator.streamCreatedMilliseconds,
            let shard = stream.shard(index: iterator.shardIndex)
        else { throw missingShard }

        try service.admitRead(of: shard.index, in: stream)
        let result = try await service.store.read(
            key, shardIndex: shard.index, from: iterator.position,
            recordLimit: input.limit ?? Limits.getRecordsRecordsMax, byteLimit: Limits.getRecordsBytesMax)
        let records = try shard.wireRecords(result.records, sealer: service.sealer)
        // Charged what the caller receives: the records as put, not as sealed on disk.
        service.chargeRead(
            of: shard.index, in: stream, bytes: records.reduce(0) { $0 + $1.data.count + $1.partitionKey.utf8.count })
        service.metrics.recordRecordsOut(
            stream: key.name, records: records.count,
            bytes: records.reduce(0) { $0 + $1.data.count + $1.partitionKey.utf8.count })
        let caughtUp = result.nextPosition >= result.shard.nextPosition
        let millisBehindLatest: Int64 =
            caughtUp ? 0 : max(0, now - (result.records.last?.arrivalMilliseconds ?? now))
        service.metrics.recordShardOutgoing(
            stream, shardIndex: shard.index, records: result.records, millisBehindLatest: millisBehindLatest)

        if let closedAt = shard.closedAtPosition, result.nextPosition >= closedAt {
            return GetRecordsOutput(
                records: records, nextShardIterator: nil, millisBehindLatest: millisBehindLatest,
                childShards: stream.wireChildShards(of: shard))
        }
        var next = iterator
        next.position = result.nextPosition
        next.issuedMilliseconds = now
        return GetRecordsOutput(
            records: records, nextShardIterator: service.iterators.seal(next), millisBehindLatest: millisBehindLatest)
    }
}
