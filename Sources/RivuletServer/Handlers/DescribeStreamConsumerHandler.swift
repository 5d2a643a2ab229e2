import RivuletCore
import RivuletStorage
import RivuletWire

struct DescribeStreamConsumerHandler: OperationHandler {
    typealias Operation = DescribeStreamConsumerOperation
    let service: KinesisService

    func handle(_ input: DescribeStreamConsumerInput, context: RequestContext) async throws
        -> DescribeStreamConsumerOutput
    {
        let found = try await ConsumerLookup(service: service).find(
            streamARN: input.streamARN, consumerName: input.consumerName, consumerARN: input.consumerARN,
            context: context)
        return DescribeStreamConsumerOutput(consumerDescription: found.consumer.wireDescription(in: found.key))
    }
}
