import RivuletCore

/// Lists a stream's shards, a page at a time, optionally filtered by position in the lineage.
public enum ListShardsOperation: KinesisOperation {
    public typealias Input = ListShardsInput
    public typealias Output = ListShardsOutput
    public static let action = KinesisAction.listShards
}

public struct ListShardsInput: WireInput, Equatable {
    public var streamName: String?
    public var nextToken: String?
    public var exclusiveStartShardId: String?
    public var maxResults: Int?
    public var streamCreationTimestamp: WireTimestamp?
    public var shardFilter: ShardFilter?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, nextToken: String? = nil, exclusiveStartShardId: String? = nil,
        maxResults: Int? = nil, streamCreationTimestamp: WireTimestamp? = nil, shardFilter: ShardFilter? = nil,
        streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.nextToken = nextToken
        self.exclusiveStartShardId = exclusiveStartShardId
        self.maxResults = maxResults
        self.streamCreationTimestamp = streamCreationTimestamp
        self.shardFilter = shardFilter
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "ListShardsInput",
        [
            .streamName,
            MemberRule("NextToken", .string(.nextToken)),
            MemberRule("ExclusiveStartShardId", .string(.shardId)),
            MemberRule("MaxResults", .integer(ValueRange(min: 1, max: Int64(Limits.listShardsMaxResultsMax)))),
            MemberRule("StreamCreationTimestamp", .timestamp),
            MemberRule("ShardFilter", .structure(ShardFilter.rules)),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        nextToken = members.optional("NextToken")
        exclusiveStartShardId = members.optional("ExclusiveStartShardId")
        maxResults = members.optional("MaxResults")
        streamCreationTimestamp = members.optional("StreamCreationTimestamp")
        shardFilter = members.optional("ShardFilter")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("NextToken", nextToken)
        writer.member("ExclusiveStartShardId", exclusiveStartShardId)
        writer.member("MaxResults", maxResults)
        writer.member("StreamCreationTimestamp", streamCreationTimestamp)
        writer.member("ShardFilter", shardFilter)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct ListShardsOutput: WireOutput, Equatable {
    public var shards: [Shard]?
    public var nextToken: String?

    public init(shards: [Shard]? = nil, nextToken: String? = nil) {
        self.shards = shards
        self.nextToken = nextToken
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        shards = members.optional("Shards")
        nextToken = members.optional("NextToken")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Shards", shards)
        writer.member("NextToken", nextToken)
        writer.endObject()
    }
}
