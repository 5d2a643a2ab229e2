import RivuletCore
import RivuletWire

struct DeleteResourcePolicyHandler: OperationHandler {
    typealias Operation = DeleteResourcePolicyOperation
    let service: KinesisService

    func handle(_ input: DeleteResourcePolicyInput, context: RequestContext) async throws
        -> DeleteResourcePolicyOutput
    {
        let target = try ResourcePolicyTarget(arn: input.resourceARN, service: service, context: context)
        guard try await target.policy() != nil else {
            throw KinesisError(.resourceNotFound, "No resource policy found for resource ARN \(input.resourceARN).")
        }
        try await target.setPolicy(nil)
        return DeleteResourcePolicyOutput()
    }
}
