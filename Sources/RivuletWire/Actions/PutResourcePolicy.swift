import RivuletCore

/// Attaches a resource-based access policy to a stream or consumer, replacing any it had.
public enum PutResourcePolicyOperation: KinesisOperation {
    public typealias Input = PutResourcePolicyInput
    public typealias Output = PutResourcePolicyOutput
    public static let action = KinesisAction.putResourcePolicy
}

public struct PutResourcePolicyInput: WireInput, Equatable {
    public var resourceARN: String
    public var streamId: String?
    /// The policy document as JSON text. The model bounds neither its length nor its form, so the wire checks
    /// only that it is there.
    public var policy: String

    public init(resourceARN: String, streamId: String? = nil, policy: String) {
        self.resourceARN = resourceARN
        self.streamId = streamId
        self.policy = policy
    }

    static let rules = ShapeRules(
        "PutResourcePolicyInput",
        [
            .resourceARN,
            .streamId,
            MemberRule("Policy", .string(.policy), required: true),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        resourceARN = try members.required("ResourceARN")
        streamId = members.optional("StreamId")
        policy = try members.required("Policy")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ResourceARN", resourceARN)
        writer.member("StreamId", streamId)
        writer.member("Policy", policy)
        writer.endObject()
    }
}

public struct PutResourcePolicyOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
