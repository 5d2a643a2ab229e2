import RivuletCore
import RivuletWire

struct DisableEnhancedMonitoringHandler: OperationHandler {
    typealias Operation = DisableEnhancedMonitoringOperation
    let service: KinesisService

    func handle(_ input: DisableEnhancedMonitoringInput, context: RequestContext) async throws
        -> EnhancedMonitoringOutput
    {
        try await EnhancedMonitoring.change(
            input.shardLevelMetrics, enable: false, streamName: input.streamName, streamARN: input.streamARN,
            service: service, context: context)
    }
}
