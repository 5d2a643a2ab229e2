import RivuletCore

/// Deletes a stream and every record in it.
public enum DeleteStreamOperation: KinesisOperation {
    public typealias Input = DeleteStreamInput
    public typealias Output = DeleteStreamOutput
    public static let action = KinesisAction.deleteStream
}

public struct DeleteStreamInput: WireInput, Equatable {
    public var streamName: String?
    public var enforceConsumerDeletion: Bool?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, enforceConsumerDeletion: Bool? = nil, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.enforceConsumerDeletion = enforceConsumerDeletion
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DeleteStreamInput",
        [
            .streamName,
            MemberRule("EnforceConsumerDeletion", .boolean),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        enforceConsumerDeletion = members.optional("EnforceConsumerDeletion")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("EnforceConsumerDeletion", enforceConsumerDeletion)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct DeleteStreamOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
