import RivuletCore

/// Writes up to 500 records in one call; each succeeds or fails on its own.
public enum PutRecordsOperation: KinesisOperation {
    public typealias Input = PutRecordsInput
    public typealias Output = PutRecordsOutput
    public static let action = KinesisAction.putRecords
}

public struct PutRecordsInput: WireInput, Equatable {
    public var records: [PutRecordsRequestEntry]
    public var streamName: String?
    public var streamARN: String?
    public var streamId: String?

    public init(
        records: [PutRecordsRequestEntry], streamName: String? = nil, streamARN: String? = nil,
        streamId: String? = nil
    ) {
        self.records = records
        self.streamName = streamName
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "PutRecordsInput",
        [
            MemberRule(
                "Records",
                .list(.structure(PutRecordsRequestEntry.rules), LengthRange(min: 1, max: Limits.putRecordsRecordsMax)),
                required: true),
            .streamName,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        records = try members.required("Records")
        streamName = members.optional("StreamName")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Records", records)
        writer.member("StreamName", streamName)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct PutRecordsOutput: WireOutput, Equatable {
    public var failedRecordCount: Int?
    public var records: [PutRecordsResultEntry]
    public var encryptionType: EncryptionType?

    public init(
        failedRecordCount: Int? = nil, records: [PutRecordsResultEntry], encryptionType: EncryptionType? = nil
    ) {
        self.failedRecordCount = failedRecordCount
        self.records = records
        self.encryptionType = encryptionType
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        failedRecordCount = members.optional("FailedRecordCount")
        records = try members.required("Records")
        encryptionType = members.optional("EncryptionType")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("FailedRecordCount", failedRecordCount)
        writer.member("Records", records)
        writer.member("EncryptionType", encryptionType)
        writer.endObject()
    }
}
