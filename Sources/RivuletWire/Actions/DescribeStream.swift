import RivuletCore

/// Describes a stream and a page of its shards (superseded by ListShards, still widely used).
public enum DescribeStreamOperation: KinesisOperation {
    public typealias Input = DescribeStreamInput
    public typealias Output = DescribeStreamOutput
    public static let action = KinesisAction.describeStream
}

public struct DescribeStreamInput: WireInput, Equatable {
    public var streamName: String?
    public var limit: Int?
    public var exclusiveStartShardId: String?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, limit: Int? = nil, exclusiveStartShardId: String? = nil,
        streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.limit = limit
        self.exclusiveStartShardId = exclusiveStartShardId
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DescribeStreamInput",
        [
            .streamName,
            MemberRule("Limit", .integer(ValueRange(min: 1, max: Int64(Limits.describeStreamLimitMax)))),
            MemberRule("ExclusiveStartShardId", .string(.shardId)),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        limit = members.optional("Limit")
        exclusiveStartShardId = members.optional("ExclusiveStartShardId")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("Limit", limit)
        writer.member("ExclusiveStartShardId", exclusiveStartShardId)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct DescribeStreamOutput: WireOutput, Equatable {
    public var streamDescription: StreamDescription

    public init(streamDescription: StreamDescription) {
        self.streamDescription = streamDescription
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamDescription = try members.required("StreamDescription")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamDescription", streamDescription)
        writer.endObject()
    }
}
