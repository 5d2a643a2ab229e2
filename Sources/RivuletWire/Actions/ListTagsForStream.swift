import RivuletCore

/// Lists a stream's tags, a page at a time.
public enum ListTagsForStreamOperation: KinesisOperation {
    public typealias Input = ListTagsForStreamInput
    public typealias Output = ListTagsForStreamOutput
    public static let action = KinesisAction.listTagsForStream
}

public struct ListTagsForStreamInput: WireInput, Equatable {
    public var streamName: String?
    public var exclusiveStartTagKey: String?
    public var limit: Int?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, exclusiveStartTagKey: String? = nil, limit: Int? = nil, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.exclusiveStartTagKey = exclusiveStartTagKey
        self.limit = limit
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "ListTagsForStreamInput",
        [
            .streamName,
            MemberRule("ExclusiveStartTagKey", .string(.tagKey)),
            MemberRule("Limit", .integer(ValueRange(min: 1, max: 50))),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        exclusiveStartTagKey = members.optional("ExclusiveStartTagKey")
        limit = members.optional("Limit")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ExclusiveStartTagKey", exclusiveStartTagKey)
        writer.member("Limit", limit)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct ListTagsForStreamOutput: WireOutput, Equatable {
    public var tags: [Tag]
    public var hasMoreTags: Bool

    public init(tags: [Tag], hasMoreTags: Bool) {
        self.tags = tags
        self.hasMoreTags = hasMoreTags
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        tags = try members.required("Tags")
        hasMoreTags = try members.required("HasMoreTags")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Tags", tags)
        writer.member("HasMoreTags", hasMoreTags)
        writer.endObject()
    }
}
