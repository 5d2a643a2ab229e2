import RivuletCore

/// A shard that a closed shard split or merged into, as GetRecords reports at the end of the parent.
public struct ChildShard: Sendable, Equatable {
    public var shardId: String
    public var parentShards: [String]
    public var hashKeyRange: WireHashKeyRange

    public init(shardId: String, parentShards: [String], hashKeyRange: WireHashKeyRange) {
        self.shardId = shardId
        self.parentShards = parentShards
        self.hashKeyRange = hashKeyRange
    }
}

extension ChildShard: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        shardId = try members.required("ShardId")
        parentShards = try members.required("ParentShards")
        hashKeyRange = try members.required("HashKeyRange")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardId", shardId)
        writer.member("ParentShards", parentShards)
        writer.member("HashKeyRange", hashKeyRange)
        writer.endObject()
    }
}
