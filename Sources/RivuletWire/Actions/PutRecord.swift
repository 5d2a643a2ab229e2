import RivuletCore

/// Writes one record.
public enum PutRecordOperation: KinesisOperation {
    public typealias Input = PutRecordInput
    public typealias Output = PutRecordOutput
    public static let action = KinesisAction.putRecord
}

public struct PutRecordInput: WireInput, Equatable {
    public var streamName: String?
    public var data: [UInt8]
    public var partitionKey: String
    public var explicitHashKey: String?
    public var sequenceNumberForOrdering: String?
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, data: [UInt8], partitionKey: String, explicitHashKey: String? = nil,
        sequenceNumberForOrdering: String? = nil, streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.data = data
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.sequenceNumberForOrdering = sequenceNumberForOrdering
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "PutRecordInput",
        [
            .streamName,
            MemberRule("Data", .blob(LengthRange(min: 0, max: Limits.recordDataBytesMaxCeiling)), required: true),
            MemberRule("PartitionKey", .string(.partitionKey), required: true),
            MemberRule("ExplicitHashKey", .string(.hashKey)),
            MemberRule("SequenceNumberForOrdering", .string(.sequenceNumber)),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        data = try members.requiredBlob("Data")
        partitionKey = try members.required("PartitionKey")
        explicitHashKey = members.optional("ExplicitHashKey")
        sequenceNumberForOrdering = members.optional("SequenceNumberForOrdering")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("Data", blob: data)
        writer.member("PartitionKey", partitionKey)
        writer.member("ExplicitHashKey", explicitHashKey)
        writer.member("SequenceNumberForOrdering", sequenceNumberForOrdering)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct PutRecordOutput: WireOutput, Equatable {
    public var shardId: String
    public var sequenceNumber: String
    public var encryptionType: EncryptionType?

    public init(shardId: String, sequenceNumber: String, encryptionType: EncryptionType? = nil) {
        self.shardId = shardId
        self.sequenceNumber = sequenceNumber
        self.encryptionType = encryptionType
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        shardId = try members.required("ShardId")
        sequenceNumber = try members.required("SequenceNumber")
        encryptionType = members.optional("EncryptionType")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardId", shardId)
        writer.member("SequenceNumber", sequenceNumber)
        writer.member("EncryptionType", encryptionType)
        writer.endObject()
    }
}
