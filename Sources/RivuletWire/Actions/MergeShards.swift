import RivuletCore

/// Merges two open shards with adjacent hash key ranges into one; both parents close.
public enum MergeShardsOperation: KinesisOperation {
    public typealias Input = MergeShardsInput
    public typealias Output = MergeShardsOutput
    public static let action = KinesisAction.mergeShards
}

public struct MergeShardsInput: WireInput, Equatable {
    public var streamName: String?
    public var shardToMerge: String
    public var adjacentShardToMerge: String
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, shardToMerge: String, adjacentShardToMerge: String, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.streamName = streamName
        self.shardToMerge = shardToMerge
        self.adjacentShardToMerge = adjacentShardToMerge
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "MergeShardsInput",
        [
            .streamName,
            MemberRule("ShardToMerge", .string(.shardId), required: true),
            MemberRule("AdjacentShardToMerge", .string(.shardId), required: true),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        shardToMerge = try members.required("ShardToMerge")
        adjacentShardToMerge = try members.required("AdjacentShardToMerge")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ShardToMerge", shardToMerge)
        writer.member("AdjacentShardToMerge", adjacentShardToMerge)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct MergeShardsOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
