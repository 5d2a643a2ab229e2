import RivuletLeases

/// Orders positions within one shard. Sequence numbers are decimal strings longer than any fixed-width integer
/// (Kinesis uses up to 128 bits, Rivulet 56 digits), so they compare by length once leading zeros are gone, then
/// digit by digit; sub-sequence numbers break ties.
enum SequenceOrder {
    static func compare(_ left: String, _ right: String) -> Int {
        let leftDigits = left.utf8.drop(while: { $0 == UInt8(ascii: "0") })
        let rightDigits = right.utf8.drop(while: { $0 == UInt8(ascii: "0") })
        if leftDigits.count != rightDigits.count {
            return leftDigits.count < rightDigits.count ? -1 : 1
        }
        for (leftDigit, rightDigit) in zip(leftDigits, rightDigits) where leftDigit != rightDigit {
            return leftDigit < rightDigit ? -1 : 1
        }
        return 0
    }

    /// True when `position` is at or before `checkpoint`: already processed. Both must be real sequence numbers.
    static func isAtOrBefore(_ position: ExtendedSequenceNumber, _ checkpoint: ExtendedSequenceNumber) -> Bool {
        let order = compare(position.sequenceNumber, checkpoint.sequenceNumber)
        return order < 0 || (order == 0 && position.subSequenceNumber <= checkpoint.subSequenceNumber)
    }
}
