import RivuletCore
import RivuletStorage
import RivuletWire

struct GetShardIteratorHandler: OperationHandler {
    typealias Operation = GetShardIteratorOperation
    let service: KinesisService

    func handle(_ input: GetShardIteratorInput, context: RequestContext) async throws -> GetShardIteratorOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.readableStream(key)
        let shard = try service.shard(input.shardId, in: stream)
        try service.admitIterator(of: shard.index, in: stream)
        let position = try await StartingPositionResolver(service: service, operation: "GetShardIterator").position(
            input.shardIteratorType, sequenceNumber: input.startingSequenceNumber, timestamp: input.timestamp,
            shard: shard, stream: stream)
        let iterator = service.iterators.seal(
            IteratorPosition(
                account: key.scope.account, region: key.scope.region, streamName: key.name,
                streamCreatedMilliseconds: stream.createdMilliseconds, shardIndex: shard.index, position: position,
                issuedMilliseconds: service.nowMilliseconds))
        return GetShardIteratorOutput(shardIterator: iterator)
    }
}
