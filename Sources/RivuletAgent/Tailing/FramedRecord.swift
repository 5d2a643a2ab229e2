/// A piece of a file as `RecordSplitter` cut it: a record to send, or bytes passed over. Consecutive pieces cover
/// the file without gap or overlap, so a checkpoint may advance to the `endOffset` of any piece once it and all
/// before it are handled.
public struct FramedRecord: Sendable, Equatable {
    public enum SkipReason: Sendable, Equatable {
        /// One of the first `skipHeaderLines` lines of a file read from its start.
        case header
        /// The footer line and everything after it.
        case footer
        /// What followed the cut of a record longer than `recordBytesMax`.
        case truncatedRemainder
    }

    public enum Kind: Sendable, Equatable {
        case record
        case skipped(SkipReason)
    }

    /// The record as sent, with its trailing newline when it had one; empty for skipped pieces.
    public var bytes: [UInt8]
    /// Where in the file the piece starts.
    public var startOffset: Int64
    /// Just past the last byte of the file the piece consumed: where reading resumes after it.
    public var endOffset: Int64
    public var kind: Kind
    /// The record was cut at `recordBytesMax` and ends with the terminator; the rest follows as skipped pieces.
    public var isTruncated: Bool

    public init(bytes: [UInt8], startOffset: Int64, endOffset: Int64, kind: Kind, isTruncated: Bool = false) {
        precondition(startOffset <= endOffset, "a piece of a file never ends before it starts")
        self.bytes = bytes
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.kind = kind
        self.isTruncated = isTruncated
    }

    /// How many bytes of the file the piece stands for (not the length of `bytes`, which a cut changes).
    public var consumedBytes: Int64 { endOffset - startOffset }

    public var isRecord: Bool { kind == .record }
}
