import RivuletCore
import RivuletWire

struct UpdateAccountSettingsHandler: OperationHandler {
    typealias Operation = UpdateAccountSettingsOperation
    let service: KinesisService

    func handle(_ input: UpdateAccountSettingsInput, context: RequestContext) async throws
        -> UpdateAccountSettingsOutput
    {
        let commitment = try service.accountSettings.update(
            context.scope, enable: input.minimumThroughputBillingCommitment.status == .enabled,
            nowMilliseconds: service.nowMilliseconds)
        return UpdateAccountSettingsOutput(minimumThroughputBillingCommitment: commitment)
    }
}
