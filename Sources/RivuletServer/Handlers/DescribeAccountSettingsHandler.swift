import RivuletCore
import RivuletWire

struct DescribeAccountSettingsHandler: OperationHandler {
    typealias Operation = DescribeAccountSettingsOperation
    let service: KinesisService

    func handle(_ input: DescribeAccountSettingsInput, context: RequestContext) async throws
        -> DescribeAccountSettingsOutput
    {
        DescribeAccountSettingsOutput(
            minimumThroughputBillingCommitment: try service.accountSettings.commitment(
                for: context.scope, nowMilliseconds: service.nowMilliseconds))
    }
}
