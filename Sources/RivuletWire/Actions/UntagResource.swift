import RivuletCore

/// Removes tags from a stream or consumer named by ARN.
public enum UntagResourceOperation: KinesisOperation {
    public typealias Input = UntagResourceInput
    public typealias Output = UntagResourceOutput
    public static let action = KinesisAction.untagResource
}

public struct UntagResourceInput: WireInput, Equatable {
    public var tagKeys: [String]
    public var resourceARN: String
    public var streamId: String?

    public init(tagKeys: [String], resourceARN: String, streamId: String? = nil) {
        self.tagKeys = tagKeys
        self.resourceARN = resourceARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "UntagResourceInput",
        [
            .tagKeys,
            .resourceARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        tagKeys = try members.required("TagKeys")
        resourceARN = try members.required("ResourceARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("TagKeys", tagKeys)
        writer.member("ResourceARN", resourceARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct UntagResourceOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
