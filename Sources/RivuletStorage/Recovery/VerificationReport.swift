/// One thing `StoreVerifier` found in a shard.
public struct VerificationFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Bytes that hold no good frame: the records there are lost (or damage in a file the store needs).
        case damage
        /// The active segment ends inside its last frame: a write cut by a crash, or one in progress right now.
        /// The next open cuts it; no acknowledged record is in it under fsync `always`.
        case tornTail = "torn tail"
        /// Positions recorded as never used (reserved before a crash); nothing is lost.
        case unusedPositions = "unused positions"
    }

    public var kind: Kind
    /// The shard's folder, relative to the store: `<stream folder>/<shard folder>`.
    public var shard: String
    /// The segment holding the bytes, by its first position.
    public var segmentFirstPosition: UInt64?
    public var startOffset: Int64?
    public var endOffset: Int64?
    public var fromPosition: UInt64
    /// Nil when unknown (damaged bytes at the end of a segment nothing follows).
    public var toPosition: UInt64?
    public var reason: String
    /// Whether the shard's holes.json already records it (readers then step over it without a scan).
    public var isRecorded: Bool

    public var description: String {
        var text = "\(kind.rawValue): \(shard)"
        if let segment = segmentFirstPosition { text += " segment \(SegmentFileName.log(segment))" }
        if let start = startOffset { text += " bytes \(start)..<\(endOffset.map(String.init) ?? "end")" }
        text += " positions \(fromPosition)..<\(toPosition.map(String.init) ?? "?"): \(reason)"
        if kind != .tornTail { text += isRecorded ? " (recorded in holes.json)" : " (not yet recorded)" }
        return text
    }
}

/// What `StoreVerifier` checked and found.
public struct VerificationReport: Sendable {
    public var findings: [VerificationFinding] = []
    public var shardCount = 0
    public var segmentCount = 0
    public var bytesChecked: Int64 = 0

    /// No damaged bytes anywhere: torn tails and unused positions lose no acknowledged record.
    public var isClean: Bool { !findings.contains { $0.kind == .damage } }
}

/// Why `StoreVerifier` could not check a folder at all.
public struct VerificationFailure: Error, CustomStringConvertible {
    public var description: String
}
