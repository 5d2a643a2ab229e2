import RivuletCore

/// Which shards ListShards returns, by position in the stream's lineage.
public struct ShardFilter: Sendable, Equatable {
    public var type: ShardFilterType
    public var shardId: String?
    public var timestamp: WireTimestamp?

    public init(type: ShardFilterType, shardId: String? = nil, timestamp: WireTimestamp? = nil) {
        self.type = type
        self.shardId = shardId
        self.timestamp = timestamp
    }

    static let rules = ShapeRules(
        "ShardFilter",
        [
            MemberRule("Type", .string(.enumeration(ShardFilterType.self)), required: true),
            MemberRule("ShardId", .string(.shardId)),
            MemberRule("Timestamp", .timestamp),
        ])
}

extension ShardFilter: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        type = try members.required("Type")
        shardId = members.optional("ShardId")
        timestamp = members.optional("Timestamp")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Type", type)
        writer.member("ShardId", shardId)
        writer.member("Timestamp", timestamp)
        writer.endObject()
    }
}
