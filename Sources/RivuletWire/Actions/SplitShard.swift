import RivuletCore

/// Splits an open shard in two at a hash key; the parent closes and two children take its range.
public enum SplitShardOperation: KinesisOperation {
    public typealias Input = SplitShardInput
    public typealias Output = SplitShardOutput
    public static let action = KinesisAction.splitShard
}

public struct SplitShardInput: WireInput, Equatable {
    public var streamName: String?
    public var shardToSplit: String
    public var newStartingHashKey: String
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, shardToSplit: String, newStartingHashKey: String, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.shardToSplit = shardToSplit
        self.newStartingHashKey = newStartingHashKey
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "SplitShardInput",
        [
            .streamName,
            MemberRule("ShardToSplit", .string(.shardId), required: true),
            MemberRule("NewStartingHashKey", .string(.hashKey), required: true),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        shardToSplit = try members.required("ShardToSplit")
        newStartingHashKey = try members.required("NewStartingHashKey")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ShardToSplit", shardToSplit)
        writer.member("NewStartingHashKey", newStartingHashKey)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct SplitShardOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
