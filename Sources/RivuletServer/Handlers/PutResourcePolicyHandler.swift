import RivuletCore
import RivuletWire

struct PutResourcePolicyHandler: OperationHandler {
    typealias Operation = PutResourcePolicyOperation
    let service: KinesisService

    func handle(_ input: PutResourcePolicyInput, context: RequestContext) async throws -> PutResourcePolicyOutput {
        let target = try ResourcePolicyTarget(arn: input.resourceARN, service: service, context: context)
        try ResourcePolicyTarget.validate(input.policy)
        try await target.setPolicy(input.policy)
        return PutResourcePolicyOutput()
    }
}
