import RivuletCore

/// A record as GetRecords returns it.
public struct Record: Sendable, Equatable {
    public var sequenceNumber: String
    public var approximateArrivalTimestamp: WireTimestamp?
    public var data: [UInt8]
    public var partitionKey: String
    public var encryptionType: EncryptionType?

    public init(
        sequenceNumber: String, approximateArrivalTimestamp: WireTimestamp? = nil, data: [UInt8],
        partitionKey: String, encryptionType: EncryptionType? = nil
    ) {
        self.sequenceNumber = sequenceNumber
        self.approximateArrivalTimestamp = approximateArrivalTimestamp
        self.data = data
        self.partitionKey = partitionKey
        self.encryptionType = encryptionType
    }
}

extension Record: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        sequenceNumber = try members.required("SequenceNumber")
        approximateArrivalTimestamp = members.optional("ApproximateArrivalTimestamp")
        data = try members.requiredBlob("Data")
        partitionKey = try members.required("PartitionKey")
        encryptionType = members.optional("EncryptionType")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("SequenceNumber", sequenceNumber)
        writer.member("ApproximateArrivalTimestamp", approximateArrivalTimestamp)
        writer.member("Data", blob: data)
        writer.member("PartitionKey", partitionKey)
        writer.member("EncryptionType", encryptionType)
        writer.endObject()
    }
}
