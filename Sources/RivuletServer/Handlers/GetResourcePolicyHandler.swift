import RivuletCore
import RivuletWire

/// Answers `{}` when no policy is attached, as AWS does.
struct GetResourcePolicyHandler: OperationHandler {
    typealias Operation = GetResourcePolicyOperation
    let service: KinesisService

    func handle(_ input: GetResourcePolicyInput, context: RequestContext) async throws -> GetResourcePolicyOutput {
        let target = try ResourcePolicyTarget(arn: input.resourceARN, service: service, context: context)
        return GetResourcePolicyOutput(policy: try await target.policy() ?? "{}")
    }
}
