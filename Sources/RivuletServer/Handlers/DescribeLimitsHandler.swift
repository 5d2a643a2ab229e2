import RivuletCore
import RivuletStorage
import RivuletWire

struct DescribeLimitsHandler: OperationHandler {
    typealias Operation = DescribeLimitsOperation
    let service: KinesisService

    func handle(_ input: DescribeLimitsInput, context: RequestContext) async throws -> DescribeLimitsOutput {
        let streams = try await service.streams(in: context.scope)
        return DescribeLimitsOutput(
            shardLimit: service.configuration.shardLimit,
            openShardCount: streams.reduce(0) { $0 + $1.openShards.count },
            onDemandStreamCount: streams.filter { $0.mode == .onDemand }.count,
            onDemandStreamCountLimit: service.configuration.onDemandStreamLimit)
    }
}
