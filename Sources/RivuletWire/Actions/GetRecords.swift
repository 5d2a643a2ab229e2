import RivuletCore

/// Reads records from a shard through an iterator and returns the iterator for the next call.
public enum GetRecordsOperation: KinesisOperation {
    public typealias Input = GetRecordsInput
    public typealias Output = GetRecordsOutput
    public static let action = KinesisAction.getRecords
}

public struct GetRecordsInput: WireInput, Equatable {
    public var shardIterator: String
    public var limit: Int?
    public var streamARN: String?
    public var streamId: String?

    public init(shardIterator: String, limit: Int? = nil, streamARN: String? = nil, streamId: String? = nil) {
        self.shardIterator = shardIterator
        self.limit = limit
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "GetRecordsInput",
        [
            MemberRule("ShardIterator", .string(.shardIterator), required: true),
            MemberRule("Limit", .integer(ValueRange(min: 1, max: Int64(Limits.getRecordsRecordsMax)))),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        shardIterator = try members.required("ShardIterator")
        limit = members.optional("Limit")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardIterator", shardIterator)
        writer.member("Limit", limit)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct GetRecordsOutput: WireOutput, Equatable {
    public var records: [Record]
    public var nextShardIterator: String?
    public var millisBehindLatest: Int64?
    public var childShards: [ChildShard]?

    public init(
        records: [Record], nextShardIterator: String? = nil, millisBehindLatest: Int64? = nil,
        childShards: [ChildShard]? = nil
    ) {
        self.records = records
        self.nextShardIterator = nextShardIterator
        self.millisBehindLatest = millisBehindLatest
        self.childShards = childShards
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        records = try members.required("Records")
        nextShardIterator = members.optional("NextShardIterator")
        millisBehindLatest = members.optional("MillisBehindLatest")
        childShards = members.optional("ChildShards")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Records", records)
        writer.member("NextShardIterator", nextShardIterator)
        writer.member("MillisBehindLatest", millisBehindLatest)
        writer.member("ChildShards", childShards)
        writer.endObject()
    }
}
