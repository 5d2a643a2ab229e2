import RivuletCore

/// Returns the resource-based access policy attached to a stream or consumer.
public enum GetResourcePolicyOperation: KinesisOperation {
    public typealias Input = GetResourcePolicyInput
    public typealias Output = GetResourcePolicyOutput
    public static let action = KinesisAction.getResourcePolicy
}

public struct GetResourcePolicyInput: WireInput, Equatable {
    public var resourceARN: String
    public var streamId: String?

    public init(resourceARN: String, streamId: String? = nil) {
        self.resourceARN = resourceARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "GetResourcePolicyInput",
        [
            .resourceARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        resourceARN = try members.required("ResourceARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ResourceARN", resourceARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct GetResourcePolicyOutput: WireOutput, Equatable {
    /// The policy document as JSON text; required in the model, so an answer always carries one.
    public var policy: String

    public init(policy: String) {
        self.policy = policy
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        policy = try members.required("Policy")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Policy", policy)
        writer.endObject()
    }
}
