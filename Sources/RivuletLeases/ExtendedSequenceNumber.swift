/// A position in a shard as the KCL checkpoints it: a sequence number plus the index of a user record inside a KPL
/// aggregate (0 for a plain record), or one of the sentinels that stand before the first record or after the last.
public struct ExtendedSequenceNumber: Sendable, Hashable, CustomStringConvertible {
    /// A decimal sequence number, or a sentinel's name (`TRIM_HORIZON`, `LATEST`, `AT_TIMESTAMP`, `SHARD_END`).
    public var sequenceNumber: String
    public var subSequenceNumber: Int64

    public init(sequenceNumber: String, subSequenceNumber: Int64 = 0) {
        self.sequenceNumber = sequenceNumber
        self.subSequenceNumber = subSequenceNumber
    }

    public static let trimHorizon = ExtendedSequenceNumber(sequenceNumber: "TRIM_HORIZON")
    public static let latest = ExtendedSequenceNumber(sequenceNumber: "LATEST")
    public static let atTimestamp = ExtendedSequenceNumber(sequenceNumber: "AT_TIMESTAMP")
    public static let shardEnd = ExtendedSequenceNumber(sequenceNumber: "SHARD_END")

    /// True for the four sentinels; false for a real sequence number.
    public var isSentinel: Bool {
        sequenceNumber.utf8.first.map { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") } ?? true
    }

    public var description: String {
        subSequenceNumber == 0 ? sequenceNumber : "\(sequenceNumber)/\(subSequenceNumber)"
    }
}
