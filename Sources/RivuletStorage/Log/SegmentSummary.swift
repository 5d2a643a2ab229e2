/// What is kept in memory about a segment: enough to pick the segment for a position or a timestamp, to apply
/// retention and to report sizes, and nothing that grows with the records it holds.
struct SegmentSummary: Equatable, Sendable {
    /// The position the segment starts at, which is also its file name.
    var firstPosition: UInt64
    /// One past the last record stored in the segment; equal to `firstPosition` while it is empty.
    var nextPosition: UInt64
    var firstArrivalMilliseconds: Int64?
    var lastArrivalMilliseconds: Int64?
    /// Bytes of valid frames in the segment file.
    var bytes: Int64

    static func empty(at position: UInt64) -> SegmentSummary {
        SegmentSummary(
            firstPosition: position, nextPosition: position, firstArrivalMilliseconds: nil,
            lastArrivalMilliseconds: nil, bytes: 0)
    }

    var isEmpty: Bool { bytes == 0 }

    /// Extends the summary by one frame written at its end.
    mutating func add(_ header: FrameHeader) {
        if firstArrivalMilliseconds == nil { firstArrivalMilliseconds = header.arrivalMilliseconds }
        lastArrivalMilliseconds = header.arrivalMilliseconds
        nextPosition = header.nextPosition
        bytes += Int64(header.frameBytes)
    }
}
