import RivuletCore
import RivuletStorage
import RivuletWire

/// Records the write throughput an on-demand stream should be ready for. This server does not provision capacity,
/// so what is asked for is in place at once and reported as the current warm throughput too.
struct UpdateStreamWarmThroughputHandler: OperationHandler {
    typealias Operation = UpdateStreamWarmThroughputOperation
    let service: KinesisService

    func handle(_ input: UpdateStreamWarmThroughputInput, context: RequestContext) async throws
        -> UpdateStreamWarmThroughputOutput
    {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let target = input.warmThroughputMiBps
        let stream = try await service.changeActiveStream(key) { stream in
            guard stream.mode == .onDemand else {
                throw KinesisError(
                    .validation,
                    "Warm throughput can only be set on streams in ON_DEMAND mode; stream \(key.name) under account "
                        + "\(key.scope.account) is PROVISIONED.")
            }
            stream.warmThroughputMiBps = target
        }
        return UpdateStreamWarmThroughputOutput(
            streamARN: key.streamARN, streamName: key.name, warmThroughput: stream.wireWarmThroughput)
    }
}
