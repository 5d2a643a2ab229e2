import RivuletCore
import RivuletWire

struct EnableEnhancedMonitoringHandler: OperationHandler {
    typealias Operation = EnableEnhancedMonitoringOperation
    let service: KinesisService

    func handle(_ input: EnableEnhancedMonitoringInput, context: RequestContext) async throws
        -> EnhancedMonitoringOutput
    {
        try await EnhancedMonitoring.change(
            input.shardLevelMetrics, enable: true, streamName: input.streamName, streamARN: input.streamARN,
            service: service, context: context)
    }
}
