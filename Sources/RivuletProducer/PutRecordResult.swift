/// Where a user record was put.
public struct PutRecordResult: Sendable, Equatable {
    public var shardId: String
    /// The sequence number of the Kinesis record holding it.
    public var sequenceNumber: String
    /// Its index within that Kinesis record when it was aggregated; nil when it was sent as a record of its own.
    public var subSequenceNumber: Int64?
    /// PutRecords attempts it took, the successful one included.
    public var attempts: Int

    public init(shardId: String, sequenceNumber: String, subSequenceNumber: Int64?, attempts: Int) {
        self.shardId = shardId
        self.sequenceNumber = sequenceNumber
        self.subSequenceNumber = subSequenceNumber
        self.attempts = attempts
    }
}
