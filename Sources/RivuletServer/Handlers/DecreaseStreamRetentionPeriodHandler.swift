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
        try await RetentionRules.change(key, to: input.retentionPeriodHours, .decrease, service: service)
        return DecreaseStreamRetentionPeriodOutput()
    }
}
