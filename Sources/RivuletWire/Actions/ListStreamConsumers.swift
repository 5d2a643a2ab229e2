import RivuletCore

/// Lists the consumers registered on a stream, a page at a time.
public enum ListStreamConsumersOperation: KinesisOperation {
    public typealias Input = ListStreamConsumersInput
    public typealias Output = ListStreamConsumersOutput
    public static let action = KinesisAction.listStreamConsumers
}

public struct ListStreamConsumersInput: WireInput, Equatable {
    public var streamARN: String
    public var nextToken: String?
    public var maxResults: Int?
    public var streamCreationTimestamp: WireTimestamp?
    public var streamId: String?

    public init(
        streamARN: String, nextToken: String? = nil, maxResults: Int? = nil,
        streamCreationTimestamp: WireTimestamp? = nil, streamId: String? = nil
    ) {
        self.streamARN = streamARN
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.streamCreationTimestamp = streamCreationTimestamp
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "ListStreamConsumersInput",
        [
            MemberRule("StreamARN", .string(.streamARN), required: true),
            MemberRule("NextToken", .string(.nextToken)),
            MemberRule("MaxResults", .integer(ValueRange(min: 1, max: 10_000))),
            MemberRule("StreamCreationTimestamp", .timestamp),
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = try members.required("StreamARN")
        nextToken = members.optional("NextToken")
        maxResults = members.optional("MaxResults")
        streamCreationTimestamp = members.optional("StreamCreationTimestamp")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("NextToken", nextToken)
        writer.member("MaxResults", maxResults)
        writer.member("StreamCreationTimestamp", streamCreationTimestamp)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct ListStreamConsumersOutput: WireOutput, Equatable {
    public var consumers: [Consumer]?
    public var nextToken: String?

    public init(consumers: [Consumer]? = nil, nextToken: String? = nil) {
        self.consumers = consumers
        self.nextToken = nextToken
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        consumers = members.optional("Consumers")
        nextToken = members.optional("NextToken")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Consumers", consumers)
        writer.member("NextToken", nextToken)
        writer.endObject()
    }
}
