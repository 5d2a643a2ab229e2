import Foundation
import RivuletCore
import RivuletStorage

/// The stream or consumer a resource policy operation names by its ARN, and the policy rules AWS checks on put.
/// Policies are stored with their resource; evaluating them belongs to the authorization layer.
struct ResourcePolicyTarget {
    let service: KinesisService
    let arn: String
    let key: StreamKey
    /// Set when the ARN names a consumer rather than its stream.
    let consumer: ConsumerAddress?

    /// AWS documents resource policies of up to 20 KiB; the model itself sets no bound.
    static let policyBytesMax = 20 * 1024

    init(arn: String, service: KinesisService, context: RequestContext) throws {
        self.service = service
        self.arn = arn
        if arn.contains("/consumer/") {
            let address = try ConsumerAddress(arn: arn, context: context)
            consumer = address
            key = address.stream
        } else {
            consumer = nil
            key = try StreamResolver.key(arn: arn, context: context)
        }
    }

    /// The policy attached now, or nil.
    func policy() async throws -> String? {
        let stream = try await service.stream(key)
        guard let consumer else { return stream.resourcePolicy }
        return try consumer.consumer(in: stream, arn: arn).resourcePolicy
    }

    /// Attaches (or with nil removes) the policy, atomically with the stream's other state.
    func setPolicy(_ policy: String?) async throws {
        let consumer = self.consumer
        let arn = self.arn
        try await service.changeStream(key) { stream in
            guard let consumer else {
                stream.resourcePolicy = policy
                return
            }
            let found = try consumer.consumer(in: stream, arn: arn)
            guard let index = stream.consumers.firstIndex(of: found) else { throw ConsumerAddress.notFound(arn) }
            stream.consumers[index].resourcePolicy = policy
        }
    }

    /// A policy must be a JSON object with a Statement, as IAM's policy grammar requires.
    static func validate(_ policy: String) throws {
        let invalid = { (reason: String) in
            KinesisError(.invalidArgument, "Invalid resource policy: \(reason).")
        }
        guard policy.utf8.count <= policyBytesMax else {
            throw invalid("it is longer than \(policyBytesMax) bytes")
        }
        guard let document = try? JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any] else {
            throw invalid("it is not a JSON object")
        }
        guard let statement = document["Statement"] else {
            throw invalid("it has no Statement")
        }
        let statements: [Any] = (statement as? [Any]) ?? [statement]
        guard !statements.isEmpty, statements.allSatisfy({ $0 is [String: Any] }) else {
            throw invalid("Statement must be an object or a non-empty list of objects")
        }
        for case let entry as [String: Any] in statements {
            guard let effect = entry["Effect"] as? String, effect == "Allow" || effect == "Deny" else {
                throw invalid("every statement needs an Effect of Allow or Deny")
            }
            guard entry["Action"] != nil || entry["NotAction"] != nil else {
                throw invalid("every statement needs an Action")
            }
        }
    }
}
