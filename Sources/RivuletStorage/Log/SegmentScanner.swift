import RivuletCore

/// Rebuilds a segment's summary and sparse index by reading every frame, stopping at the first frame that is torn,
/// damaged, or out of sequence (its first position must continue the previous frame and its arrival time must not
/// go back).
enum SegmentScanner {
    struct Result {
        var summary: SegmentSummary
        var index: SegmentIndex
        /// Bytes of the file that hold valid frames; anything after them is a torn or damaged tail.
        var validBytes: Int64
        var fileBytes: Int64
        /// Why the scan stopped before the end of the file, if it did.
        var problem: String?
    }

    static func scan(
        _ file: OpenFile, firstPosition: UInt64, fileSystem: any FileSystem, indexIntervalBytes: Int
    ) throws -> Result {
        let fileBytes = try fileSystem.sizeBytes(of: file)
        var summary = SegmentSummary.empty(at: firstPosition)
        var index = SegmentIndex(intervalBytes: indexIntervalBytes)
        var outOfSequence: String?
        let walker = FrameWalker(
            file: file, fileSystem: fileSystem, from: 0, to: fileBytes,
            bufferBytes: Limits.recoveryReadBufferBytes)
        let end = try walker.walk { header, _, offset in
            guard header.firstPosition == summary.nextPosition else {
                outOfSequence = "frame starts at position \(header.firstPosition), expected \(summary.nextPosition)"
                return false
            }
            if let last = summary.lastArrivalMilliseconds, header.arrivalMilliseconds < last {
                outOfSequence = "frame arrival time \(header.arrivalMilliseconds) goes back from \(last)"
                return false
            }
            index.noteFrame(header, at: offset)
            summary.add(header)
            return true
        }
        let problem: String? =
            switch end {
            case .reachedEnd: nil
            case .stopped: outOfSequence
            case .damaged(_, let reason): reason
            }
        return Result(
            summary: summary, index: index, validBytes: summary.bytes, fileBytes: fileBytes, problem: problem)
    }
}
