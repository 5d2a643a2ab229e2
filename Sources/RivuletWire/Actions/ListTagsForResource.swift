import RivuletCore

/// Lists the tags of a stream or consumer named by ARN.
public enum ListTagsForResourceOperation: KinesisOperation {
    public typealias Input = ListTagsForResourceInput
    public typealias Output = ListTagsForResourceOutput
    public static let action = KinesisAction.listTagsForResource
}

public struct ListTagsForResourceInput: WireInput, Equatable {
    public var resourceARN: String
    public var streamId: String?

    public init(resourceARN: String, streamId: String? = nil) {
        self.resourceARN = resourceARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "ListTagsForResourceInput",
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

public struct ListTagsForResourceOutput: WireOutput, Equatable {
    public var tags: [Tag]?

    public init(tags: [Tag]? = nil) {
        self.tags = tags
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        tags = members.optional("Tags")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Tags", tags)
        writer.endObject()
    }
}
