import RivuletLeases

/// One user record as the processor sees it: a plain Kinesis record, or one record out of a KPL aggregate.
public struct ConsumerRecord: Sendable, Hashable {
    public var sequenceNumber: String
    /// The index inside the aggregate that carried the record; 0 for a plain record.
    public var subSequenceNumber: Int64
    public var partitionKey: String
    /// Set only when the producer gave one (inside an aggregate); plain records do not carry it back.
    public var explicitHashKey: String?
    public var data: [UInt8]
    public var approximateArrivalEpochMilliseconds: Int64?
    /// True when the record came out of a KPL aggregate.
    public var isAggregated: Bool

    public init(
        sequenceNumber: String, subSequenceNumber: Int64 = 0, partitionKey: String, explicitHashKey: String? = nil,
        data: [UInt8], approximateArrivalEpochMilliseconds: Int64? = nil, isAggregated: Bool = false
    ) {
        self.sequenceNumber = sequenceNumber
        self.subSequenceNumber = subSequenceNumber
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.data = data
        self.approximateArrivalEpochMilliseconds = approximateArrivalEpochMilliseconds
        self.isAggregated = isAggregated
    }

    /// The position a checkpoint at this record records.
    public var extendedSequenceNumber: ExtendedSequenceNumber {
        ExtendedSequenceNumber(sequenceNumber: sequenceNumber, subSequenceNumber: subSequenceNumber)
    }
}
