import RivuletCore

/// Adds or replaces tags on a stream or consumer named by ARN.
public enum TagResourceOperation: KinesisOperation {
    public typealias Input = TagResourceInput
    public typealias Output = TagResourceOutput
    public static let action = KinesisAction.tagResource
}

public struct TagResourceInput: WireInput, Equatable {
    public var tags: [String: String]
    public var resourceARN: String
    public var streamId: String?

    public init(tags: [String: String], resourceARN: String, streamId: String? = nil) {
        self.tags = tags
        self.resourceARN = resourceARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "TagResourceInput",
        [
            .requiredTags,
            .resourceARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        tags = try members.required("Tags")
        resourceARN = try members.required("ResourceARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Tags", tags)
        writer.member("ResourceARN", resourceARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct TagResourceOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
