import RivuletCore

/// One batch of a SubscribeToShard subscription: the payload of each `SubscribeToShardEvent` message of the event
/// stream. The server encodes it into a message and a client decodes it from one, body for body like an
/// operation's output, which is why it is a `WireOutput` although no operation answers with it directly.
public struct SubscribeToShardEvent: WireOutput, Equatable {
    public var records: [Record]
    /// Where a subscription resumes after this event. The model marks it required, but at a closed shard's end the
    /// service leaves it out (there is nothing more to resume) and sends ChildShards instead, so clients must read
    /// an event without it and the server must be able to write one.
    public var continuationSequenceNumber: String?
    public var millisBehindLatest: Int64
    public var childShards: [ChildShard]?

    public init(
        records: [Record], continuationSequenceNumber: String? = nil, millisBehindLatest: Int64,
        childShards: [ChildShard]? = nil
    ) {
        self.records = records
        self.continuationSequenceNumber = continuationSequenceNumber
        self.millisBehindLatest = millisBehindLatest
        self.childShards = childShards
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        records = try members.required("Records")
        continuationSequenceNumber = members.optional("ContinuationSequenceNumber")
        millisBehindLatest = try members.required("MillisBehindLatest")
        childShards = members.optional("ChildShards")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Records", records)
        writer.member("ContinuationSequenceNumber", continuationSequenceNumber)
        writer.member("MillisBehindLatest", millisBehindLatest)
        writer.member("ChildShards", childShards)
        writer.endObject()
    }
}
