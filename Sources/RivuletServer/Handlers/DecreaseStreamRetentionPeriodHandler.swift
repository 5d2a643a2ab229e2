import RivuletCore
import RivuletStorage
import RivuletWire

struct DecreaseStreamRetentionPeriodHandler: OperationHandler {
    typealias Operation = DecreaseStreamRetentionPeriodOperation
    let service: KinesisService

    func handle(
        _ input: DecreaseStreamRetentionPeriodInput, context: RequestContext
    ) async throws -> DecreaseStreamRetentionPeriodOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let hours = input.retentionPeriodHours
        try RetentionRules.checkBounds(hours)
        try await service.changeActiveStream(key) { stream in
            guard hours <= stream.retentionHours else {
                throw KinesisError(
                    .invalidArgument,
                    "Requested retention period (\(hours) hours) for stream \(key.name) can not be longer than "
                        + "existing retention period (\(stream.retentionHours) hours). Use IncreaseRetentionPeriod API.")
            }
            stream.retentionHours = hours
        }
        return DecreaseStreamRetentionPeriodOutput()
    }
}
