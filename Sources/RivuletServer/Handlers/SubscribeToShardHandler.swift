import Logging
import RivuletCore
import RivuletStorage
import RivuletWire

/// Checks a SubscribeToShard request and claims its consumer's slot on the shard. Any refusal happens here, as an
/// ordinary error response; once this returns, the answer is an event stream.
struct SubscribeToShardHandler {
    let service: KinesisService
    let registry: SubscriptionRegistry
    let logger: Logger

    func open(_ input: SubscribeToShardInput, context: RequestContext, format: WireFormat) async throws
        -> ShardSubscription
    {
        let address = try ConsumerAddress(arn: input.consumerARN, context: context)
        let stream: StreamDescriptor
        do {
            stream = try await service.readableStream(address.stream)
        } catch let error as KinesisError where error.code == .resourceNotFound {
            throw ConsumerAddress.notFound(input.consumerARN)
        }
        let consumer = try address.consumer(in: stream, arn: input.consumerARN)
        guard consumer.status == .active else {
            throw KinesisError(
                .resourceInUse,
                "Consumer \(input.consumerARN) is \(consumer.status.rawValue), not ACTIVE; it cannot subscribe yet.")
        }
        let shard = try service.shard(input.shardId, in: stream)
        let start = input.startingPosition
        let position = try await StartingPositionResolver(service: service, operation: "SubscribeToShard").position(
            start.type, sequenceNumber: start.sequenceNumber, timestamp: start.timestamp, shard: shard, stream: stream)
        let canonicalARN = ConsumerAddress.arn(stream: address.stream, consumer: consumer)
        let slot = SubscriptionRegistry.Slot(consumerARN: canonicalARN, shardIndex: shard.index)
        let id = try registry.claim(slot, shardId: shard.id, nowMilliseconds: service.nowMilliseconds)
        // A subscription it replaced is waiting for records; wake it so it sees it lost its slot.
        service.appendSignal.signal(address.stream)
        return ShardSubscription(
            service: service, registry: registry, slot: slot, id: id, address: address,
            streamCreatedMilliseconds: stream.createdMilliseconds, shardIndex: shard.index, startPosition: position,
            format: format, logger: logger)
    }
}
