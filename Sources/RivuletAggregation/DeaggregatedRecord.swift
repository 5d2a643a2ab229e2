/// A user record taken out of an aggregate, with its place in it.
public struct DeaggregatedRecord: Sendable, Hashable {
    public var partitionKey: String
    public var explicitHashKey: String?
    public var data: [UInt8]
    /// The record's index in the aggregate: with the Kinesis record's sequence number, it names the user record.
    public var subSequenceNumber: Int64

    public init(partitionKey: String, explicitHashKey: String? = nil, data: [UInt8], subSequenceNumber: Int64) {
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.data = data
        self.subSequenceNumber = subSequenceNumber
    }
}
