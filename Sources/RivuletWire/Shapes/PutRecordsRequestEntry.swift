import RivuletCore

/// One record of a PutRecords request.
public struct PutRecordsRequestEntry: Sendable, Equatable {
    public var data: [UInt8]
    public var explicitHashKey: String?
    public var partitionKey: String

    public init(data: [UInt8], explicitHashKey: String? = nil, partitionKey: String) {
        self.data = data
        self.explicitHashKey = explicitHashKey
        self.partitionKey = partitionKey
    }

    static let rules = ShapeRules(
        "PutRecordsRequestEntry",
        [
            MemberRule("Data", .blob(LengthRange(min: 0, max: Limits.recordDataBytesMaxCeiling)), required: true),
            MemberRule("ExplicitHashKey", .string(.hashKey)),
            MemberRule("PartitionKey", .string(.partitionKey), required: true),
        ])
}

extension PutRecordsRequestEntry: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        data = try members.requiredBlob("Data")
        explicitHashKey = members.optional("ExplicitHashKey")
        partitionKey = try members.required("PartitionKey")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Data", blob: data)
        writer.member("ExplicitHashKey", explicitHashKey)
        writer.member("PartitionKey", partitionKey)
        writer.endObject()
    }
}
