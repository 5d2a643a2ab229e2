import RivuletCore

/// Removes tags from a stream.
public enum RemoveTagsFromStreamOperation: KinesisOperation {
    public typealias Input = RemoveTagsFromStreamInput
    public typealias Output = RemoveTagsFromStreamOutput
    public static let action = KinesisAction.removeTagsFromStream
}

public struct RemoveTagsFromStreamInput: WireInput, Equatable {
    public var streamName: String?
    public var tagKeys: [String]
    public var streamARN: String?
    public var streamId: String?

    public init(streamName: String? = nil, tagKeys: [String], streamARN: String? = nil, streamId: String? = nil) {
        self.streamName = streamName
        self.tagKeys = tagKeys
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "RemoveTagsFromStreamInput",
        [
            .streamName,
            .tagKeys,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        tagKeys = try members.required("TagKeys")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("TagKeys", tagKeys)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct RemoveTagsFromStreamOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
