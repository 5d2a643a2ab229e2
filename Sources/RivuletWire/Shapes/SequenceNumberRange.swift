import RivuletCore

/// The sequence numbers a shard has held: open-ended while the shard is open.
public struct SequenceNumberRange: Sendable, Equatable {
    public var startingSequenceNumber: String
    public var endingSequenceNumber: String?

    public init(startingSequenceNumber: String, endingSequenceNumber: String? = nil) {
        self.startingSequenceNumber = startingSequenceNumber
        self.endingSequenceNumber = endingSequenceNumber
    }
}

extension SequenceNumberRange: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        startingSequenceNumber = try members.required("StartingSequenceNumber")
        endingSequenceNumber = members.optional("EndingSequenceNumber")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StartingSequenceNumber", startingSequenceNumber)
        writer.member("EndingSequenceNumber", endingSequenceNumber)
        writer.endObject()
    }
}
