import RivuletCore

/// Adds or replaces tags on a stream.
public enum AddTagsToStreamOperation: KinesisOperation {
    public typealias Input = AddTagsToStreamInput
    public typealias Output = AddTagsToStreamOutput
    public static let action = KinesisAction.addTagsToStream
}

public struct AddTagsToStreamInput: WireInput, Equatable {
    public var streamName: String?
    public var tags: [String: String]
    public var streamARN: String?
    public var streamId: String?

    public init(streamName: String? = nil, tags: [String: String], streamARN: String? = nil, streamId: String? = nil) {
        self.streamName = streamName
        self.tags = tags
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "AddTagsToStreamInput",
        [
            .streamName,
            .requiredTags,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        tags = try members.required("Tags")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("Tags", tags)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct AddTagsToStreamOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
