import RivuletCore

/// A shard as DescribeStream and ListShards describe it.
public struct Shard: Sendable, Equatable {
    public var shardId: String
    public var parentShardId: String?
    public var adjacentParentShardId: String?
    public var hashKeyRange: WireHashKeyRange
    public var sequenceNumberRange: SequenceNumberRange

    public init(
        shardId: String, parentShardId: String? = nil, adjacentParentShardId: String? = nil,
        hashKeyRange: WireHashKeyRange, sequenceNumberRange: SequenceNumberRange
    ) {
        self.shardId = shardId
        self.parentShardId = parentShardId
        self.adjacentParentShardId = adjacentParentShardId
        self.hashKeyRange = hashKeyRange
        self.sequenceNumberRange = sequenceNumberRange
    }
}

extension Shard: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        shardId = try members.required("ShardId")
        parentShardId = members.optional("ParentShardId")
        adjacentParentShardId = members.optional("AdjacentParentShardId")
        hashKeyRange = try members.required("HashKeyRange")
        sequenceNumberRange = try members.required("SequenceNumberRange")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardId", shardId)
        writer.member("ParentShardId", parentShardId)
        writer.member("AdjacentParentShardId", adjacentParentShardId)
        writer.member("HashKeyRange", hashKeyRange)
        writer.member("SequenceNumberRange", sequenceNumberRange)
        writer.endObject()
    }
}
