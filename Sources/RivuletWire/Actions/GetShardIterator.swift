import RivuletCore

/// Returns an iterator for reading a shard from a chosen position.
public enum GetShardIteratorOperation: KinesisOperation {
    public typealias Input = GetShardIteratorInput
    public typealias Output = GetShardIteratorOutput
    public static let action = KinesisAction.getShardIterator
}

public struct GetShardIteratorInput: WireInput, Equatable {
    public var streamName: String?
    public var shardId: String
    public var shardIteratorType: ShardIteratorType
    public var startingSequenceNumber: String?
    public var timestamp: WireTimestamp?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, shardId: String, shardIteratorType: ShardIteratorType,
        startingSequenceNumber: String? = nil, timestamp: WireTimestamp? = nil, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.shardId = shardId
        self.shardIteratorType = shardIteratorType
        self.startingSequenceNumber = startingSequenceNumber
        self.timestamp = timestamp
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "GetShardIteratorInput",
        [
            .streamName,
            MemberRule("ShardId", .string(.shardId), required: true),
            MemberRule("ShardIteratorType", .string(.enumeration(ShardIteratorType.self)), required: true),
            MemberRule("StartingSequenceNumber", .string(.sequenceNumber)),
            MemberRule("Timestamp", .timestamp),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        shardId = try members.required("ShardId")
        shardIteratorType = try members.required("ShardIteratorType")
        startingSequenceNumber = members.optional("StartingSequenceNumber")
        timestamp = members.optional("Timestamp")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ShardId", shardId)
        writer.member("ShardIteratorType", shardIteratorType)
        writer.member("StartingSequenceNumber", startingSequenceNumber)
        writer.member("Timestamp", timestamp)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct GetShardIteratorOutput: WireOutput, Equatable {
    public var shardIterator: String?

    public init(shardIterator: String? = nil) {
        self.shardIterator = shardIterator
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        shardIterator = members.optional("ShardIterator")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardIterator", shardIterator)
        writer.endObject()
    }
}
