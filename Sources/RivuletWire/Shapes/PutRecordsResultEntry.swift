import RivuletCore

/// The outcome of one PutRecords record: its sequence number and shard, or an error code and message.
public struct PutRecordsResultEntry: Sendable, Equatable {
    public var sequenceNumber: String?
    public var shardId: String?
    public var errorCode: String?
    public var errorMessage: String?

    public init(
        sequenceNumber: String? = nil, shardId: String? = nil, errorCode: String? = nil, errorMessage: String? = nil
    ) {
        self.sequenceNumber = sequenceNumber
        self.shardId = shardId
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}

extension PutRecordsResultEntry: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        sequenceNumber = members.optional("SequenceNumber")
        shardId = members.optional("ShardId")
        errorCode = members.optional("ErrorCode")
        errorMessage = members.optional("ErrorMessage")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("SequenceNumber", sequenceNumber)
        writer.member("ShardId", shardId)
        writer.member("ErrorCode", errorCode)
        writer.member("ErrorMessage", errorMessage)
        writer.endObject()
    }
}
