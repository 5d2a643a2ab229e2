import RivuletCore
import RivuletStorage
import RivuletWire

struct IncreaseStreamRetentionPeriodHandler: OperationHandler {
    typealias Operation = IncreaseStreamRetentionPeriodOperation
    let service: KinesisService

    func handle(
        _ input: IncreaseStreamRetentionPeriodInput, context: RequestContext
    ) async throws -> IncreaseStreamRetentionPeriodOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let hours = input.retentionPeriodHours
        try RetentionRules.checkBounds(hours)
        try await service.changeActiveStream(key) { stream in
            guard hours >= stream.retentionHours else {
                throw KinesisError(
                    .invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(key.name) can not be shorter than "
                        + "existing retention period (\(stream.retentionHours) hours). Use DecreaseRetentionPeriod API.")
            }
            stream.retentionHours = hours
        }
        return IncreaseStreamRetentionPeriodOutput()
    }
}
