import RivuletCore

/// Lists the streams of the caller's account and region, a page at a time.
public enum ListStreamsOperation: KinesisOperation {
    public typealias Input = ListStreamsInput
    public typealias Output = ListStreamsOutput
    public static let action = KinesisAction.listStreams
}

public struct ListStreamsInput: WireInput, Equatable {
    public var limit: Int?
    public var exclusiveStartStreamName: String?
    public var nextToken: String?

    public init(limit: Int? = nil, exclusiveStartStreamName: String? = nil, nextToken: String? = nil) {
        self.limit = limit
        self.exclusiveStartStreamName = exclusiveStartStreamName
        self.nextToken = nextToken
    }

    static let rules = ShapeRules(
        "ListStreamsInput",
        [
            MemberRule("Limit", .integer(ValueRange(min: 1, max: Int64(Limits.listStreamsLimitMax)))),
            MemberRule("ExclusiveStartStreamName", .string(.streamName)),
            MemberRule("NextToken", .string(.nextToken)),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        limit = members.optional("Limit")
        exclusiveStartStreamName = members.optional("ExclusiveStartStreamName")
        nextToken = members.optional("NextToken")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Limit", limit)
        writer.member("ExclusiveStartStreamName", exclusiveStartStreamName)
        writer.member("NextToken", nextToken)
        writer.endObject()
    }
}

public struct ListStreamsOutput: WireOutput, Equatable {
    public var streamNames: [String]
    public var hasMoreStreams: Bool
    public var nextToken: String?
    public var streamSummaries: [StreamSummary]?

    public init(
        streamNames: [String], hasMoreStreams: Bool, nextToken: String? = nil,
        streamSummaries: [StreamSummary]? = nil
    ) {
        self.streamNames = streamNames
        self.hasMoreStreams = hasMoreStreams
        self.nextToken = nextToken
        self.streamSummaries = streamSummaries
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamNames = try members.required("StreamNames")
        hasMoreStreams = try members.required("HasMoreStreams")
        nextToken = members.optional("NextToken")
        streamSummaries = members.optional("StreamSummaries")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamNames", streamNames)
        writer.member("HasMoreStreams", hasMoreStreams)
        writer.member("NextToken", nextToken)
        writer.member("StreamSummaries", streamSummaries)
        writer.endObject()
    }
}
