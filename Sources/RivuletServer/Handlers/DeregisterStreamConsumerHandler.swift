import RivuletCore
import RivuletStorage
import RivuletWire

struct DeregisterStreamConsumerHandler: OperationHandler {
    typealias Operation = DeregisterStreamConsumerOperation
    let service: KinesisService

    func handle(_ input: DeregisterStreamConsumerInput, context: RequestContext) async throws
        -> DeregisterStreamConsumerOutput
    {
        let found = try await ConsumerLookup(service: service).find(
            streamARN: input.streamARN, consumerName: input.consumerName, consumerARN: input.consumerARN,
            context: context)
        let name = found.consumer.name
        let created = found.consumer.createdMilliseconds
        let now = service.nowMilliseconds
        let immediate = service.configuration.statusDelayMilliseconds == 0
        try await service.changeStream(found.key) { stream in
            guard let index = stream.consumers.firstIndex(where: { $0.name == name && $0.createdMilliseconds == created })
            else { return }
            if immediate {
                stream.consumers.remove(at: index)
            } else if stream.consumers[index].status != .deleting {
                stream.consumers[index].status = .deleting
                stream.consumers[index].statusChangedMilliseconds = now
            }
        }
        // Its subscriptions notice at their next look and end.
        service.appendSignal.signal(found.key)
        return DeregisterStreamConsumerOutput()
    }
}
