import RivuletCore
import RivuletStorage
import RivuletWire

struct RegisterStreamConsumerHandler: OperationHandler {
    typealias Operation = RegisterStreamConsumerOperation
    let service: KinesisService

    func handle(_ input: RegisterStreamConsumerInput, context: RequestContext) async throws
        -> RegisterStreamConsumerOutput
    {
        let key = try StreamResolver.key(arn: input.streamARN, context: context)
        _ = try await service.readableStream(key)
        let name = input.consumerName
        let tags = try TagRules.merge(input.tags ?? [:], into: [], stream: key)
        let now = service.nowMilliseconds
        let stream = try await service.changeStream(key) { stream in
            guard stream.status == .active || stream.status == .updating else {
                throw KinesisError.streamInUse(key, status: stream.status)
            }
            if stream.consumer(named: name) != nil {
                throw KinesisError(
                    .resourceInUse,
                    "Consumer \(name) under stream \(key.name) already exists for account \(key.scope.account).")
            }
            guard stream.consumers.count < Limits.consumersPerStreamMax else {
                throw KinesisError(
                    .limitExceeded,
                    "Stream \(key.name) under account \(key.scope.account) already has "
                        + "\(Limits.consumersPerStreamMax) registered consumers, the most allowed.")
            }
            guard stream.consumers.filter({ $0.status == .creating }).count < Limits.consumersCreatingMax else {
                throw KinesisError(
                    .limitExceeded,
                    "Stream \(key.name) under account \(key.scope.account) already has "
                        + "\(Limits.consumersCreatingMax) consumers in CREATING status; try again once they are ACTIVE.")
            }
            stream.consumers.append(
                ConsumerDescriptor(name: name, createdMilliseconds: now, status: .creating, tags: tags))
        }
        guard let consumer = stream.consumer(named: name) else {
            throw KinesisError.internalFailure()
        }
        // The registration answers with the status it began in, as AWS does, even where no delay is configured.
        var registered = consumer
        registered.status = .creating
        return RegisterStreamConsumerOutput(consumer: registered.wireConsumer(in: key))
    }
}
