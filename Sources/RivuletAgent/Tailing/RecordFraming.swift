/// How a file's bytes are cut into records (the Kinesis Agent's per-flow keys of the same names).
public struct RecordFraming: Sendable, Equatable {
    /// Lines skipped at the start of a file, only when it is read from offset 0 (a CSV header).
    public var skipHeaderLines = 0
    /// A regular expression (ICU/Java syntax) matched at the start of a line: a line that matches starts a new
    /// record, others continue the current one. nil: every line is a record.
    public var multiLineStartPattern: String?
    /// Appended to a record cut at `recordBytesMax`.
    public var truncatedRecordTerminator: [UInt8] = [0x0A]
    /// A regular expression matched at the start of a line: that line and everything after it in the file is a
    /// footer and is not sent.
    public var fileFooterPattern: String?
    /// A record longer than this is cut (and the rest of it dropped) with the terminator at its end. The Kinesis
    /// Agent's bound: 1 MiB less the longest partition key.
    public var recordBytesMax = 1_048_576 - 256
    /// A last line without its newline is held this long after the file stopped growing, then sent as it is.
    public var partialLineTimeoutMilliseconds = 5_000

    public init() {}
}
