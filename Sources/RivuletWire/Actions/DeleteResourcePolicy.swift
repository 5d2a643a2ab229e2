import RivuletCore

/// Removes the resource-based access policy from a stream or consumer.
public enum DeleteResourcePolicyOperation: KinesisOperation {
    public typealias Input = DeleteResourcePolicyInput
    public typealias Output = DeleteResourcePolicyOutput
    public static let action = KinesisAction.deleteResourcePolicy
}

public struct DeleteResourcePolicyInput: WireInput, Equatable {
    public var resourceARN: String
    public var streamId: String?

    public init(resourceARN: String, streamId: String? = nil) {
        self.resourceARN = resourceARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DeleteResourcePolicyInput",
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

public struct DeleteResourcePolicyOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
