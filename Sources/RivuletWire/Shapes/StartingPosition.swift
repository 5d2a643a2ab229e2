import RivuletCore

/// Where a SubscribeToShard subscription starts reading: the same positions as a shard iterator's.
public struct StartingPosition: Sendable, Equatable {
    public var type: ShardIteratorType
    public var sequenceNumber: String?
    public var timestamp: WireTimestamp?

    public init(type: ShardIteratorType, sequenceNumber: String? = nil, timestamp: WireTimestamp? = nil) {
        self.type = type
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
    }

    static let rules = ShapeRules(
        "StartingPosition",
        [
            MemberRule("Type", .string(.enumeration(ShardIteratorType.self)), required: true),
            MemberRule("SequenceNumber", .string(.sequenceNumber)),
            MemberRule("Timestamp", .timestamp),
        ])
}

extension StartingPosition: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        type = try members.required("Type")
        sequenceNumber = members.optional("SequenceNumber")
        timestamp = members.optional("Timestamp")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Type", type)
        writer.member("SequenceNumber", sequenceNumber)
        writer.member("Timestamp", timestamp)
        writer.endObject()
    }
}
