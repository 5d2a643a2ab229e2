/// A record's sequence number. Rendered, as AWS does, as a 56-digit decimal string:
///
///     49 | shard creation time, 13 digits of epoch milliseconds | shard index, 12 digits | ordinal, 29 digits
///
/// The ordinal is 0 for the shard's start, which comes before every record (the shard's StartingSequenceNumber), and
/// position + 1 for the record at `position` (0, 1, 2, ...) in its shard, so numbers are strictly increasing within a
/// shard. The start needs a number of its own so that "after the start" names the first record even before it
/// exists: a subscription to an empty shard hands that number out as its continuation.
/// A child shard is created after its parents, so its numbers compare greater as big integers across the lineage.
/// The shard's creation time makes numbers from a deleted and re-created stream of the same name not match.
public struct SequenceNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let digitCount = 56
    static let marker = "49"
    static let creationDigits = 13
    static let shardDigits = 12
    static let positionDigits = 29

    public var shardCreationMilliseconds: Int64
    public var shardIndex: Int
    /// 0 for the shard's start, position + 1 for a record.
    public var ordinal: UInt64

    /// The number of the record at `position`.
    public init(shardCreationMilliseconds: Int64, shardIndex: Int, position: UInt64) {
        precondition(position < UInt64.max)
        self.init(shardCreationMilliseconds: shardCreationMilliseconds, shardIndex: shardIndex, ordinal: position + 1)
    }

    private init(shardCreationMilliseconds: Int64, shardIndex: Int, ordinal: UInt64) {
        precondition(shardCreationMilliseconds >= 0 && shardCreationMilliseconds < 10_000_000_000_000)
        precondition(shardIndex >= 0 && shardIndex < 1_000_000_000_000)
        self.shardCreationMilliseconds = shardCreationMilliseconds
        self.shardIndex = shardIndex
        self.ordinal = ordinal
    }

    /// The shard's StartingSequenceNumber, before its first record.
    public static func shardStart(shardCreationMilliseconds: Int64, shardIndex: Int) -> SequenceNumber {
        SequenceNumber(shardCreationMilliseconds: shardCreationMilliseconds, shardIndex: shardIndex, ordinal: 0)
    }

    /// Where AT_SEQUENCE_NUMBER starts: the record with this number, or the first record for the shard's start.
    public var atPosition: UInt64 { ordinal == 0 ? 0 : ordinal - 1 }

    /// Where AFTER_SEQUENCE_NUMBER starts: the record following this number.
    public var afterPosition: UInt64 { ordinal }

    /// Parses the 56-digit form. Any other digit string is a syntactically valid sequence number in the API's
    /// model but belongs to no shard here, so it yields nil and the caller reports it as invalid for the shard.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == Self.digitCount, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            bytes[0] == UInt8(ascii: "4"), bytes[1] == UInt8(ascii: "9")
        else { return nil }
        func number(_ range: Range<Int>) -> UInt64? {
            var value: UInt64 = 0
            for byte in bytes[range] {
                let (multiplied, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (added, overflowB) = multiplied.addingReportingOverflow(UInt64(byte - 48))
                if overflowA || overflowB { return nil }
                value = added
            }
            return value
        }
        let creationEnd = 2 + Self.creationDigits
        let shardEnd = creationEnd + Self.shardDigits
        guard let creation = number(2..<creationEnd), let shard = number(creationEnd..<shardEnd),
            let ordinal = number(shardEnd..<Self.digitCount)
        else { return nil }
        self.shardCreationMilliseconds = Int64(creation)
        self.shardIndex = Int(shard)
        self.ordinal = ordinal
    }

    /// Rendered into one fixed buffer: every PutRecords result and every record read carries one, so this is hot.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.digitCount) { buffer in
            buffer[0] = UInt8(ascii: "4")
            buffer[1] = UInt8(ascii: "9")
            let creationEnd = 2 + Self.creationDigits
            let shardEnd = creationEnd + Self.shardDigits
            Self.writeDigits(UInt64(shardCreationMilliseconds), into: buffer, from: 2, to: creationEnd)
            Self.writeDigits(UInt64(shardIndex), into: buffer, from: creationEnd, to: shardEnd)
            Self.writeDigits(ordinal, into: buffer, from: shardEnd, to: Self.digitCount)
            return Self.digitCount
        }
    }

    /// Writes `value` zero-padded into `buffer[start..<end]`, least significant digit last.
    private static func writeDigits(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) {
        var remaining = value
        var index = end
        while index > start {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    public static func < (left: SequenceNumber, right: SequenceNumber) -> Bool {
        (left.shardCreationMilliseconds, left.shardIndex, left.ordinal)
            < (right.shardCreationMilliseconds, right.shardIndex, right.ordinal)
    }
}
