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
        try await RetentionRules.change(key, to: input.retentionPeriodHours, .increase, service: service)
        return IncreaseStreamRetentionPeriodOutput()
    }
}
