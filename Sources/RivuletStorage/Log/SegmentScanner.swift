import RivuletCore

/// Rebuilds a segment's summary and sparse index by reading every frame, and finds its damage without repairing
/// anything: a frame that fails its check or is out of sequence (its first position must continue the previous
/// frame, its arrival time must not go back) starts a damaged range, which ends where `FrameResynchronizer` finds
/// the next good frame, or at the end of the file. A file ending inside its last frame is reported as a torn tail,
/// which only the caller may cut (and only for the active segment).
enum SegmentScanner {
    /// Bytes that held no good frame, and the positions they may have held.
    struct DamagedRange: Equatable {
        var startOffset: Int64
        /// Where good frames resume, or the end of the file.
        var endOffset: Int64
        var fromPosition: UInt64
        /// The first position of the frame after the damage; nil when no good frame follows it.
        var toPosition: UInt64?
        var reason: String
    }

    struct Result {
        /// Covers the good frames and the damaged ranges between and after them, never the torn tail.
        var summary: SegmentSummary
        var index: SegmentIndex
        var damagedRanges: [DamagedRange]
        /// Where the file ends inside its last frame, if it does.
        var tornTailOffset: Int64?
        var fileBytes: Int64
    }

    static func scan(
        _ file: OpenFile, firstPosition: UInt64, fileSystem: any FileSystem, indexIntervalBytes: Int
    ) throws -> Result {
        let fileBytes = try fileSystem.sizeBytes(of: file)
        var result = Result(
            summary: .empty(at: firstPosition), index: SegmentIndex(intervalBytes: indexIntervalBytes),
            damagedRanges: [], tornTailOffset: nil, fileBytes: fileBytes)
        var offset: Int64 = 0
        var resumesAfterDamage = false
        while offset < fileBytes {
            guard
                let damage = try walk(
                    file, from: offset, to: fileBytes, fileSystem: fileSystem, into: &result,
                    forceFirstEntry: resumesAfterDamage)
            else { break }
            let (damageOffset, reason, isTruncated) = damage
            let expected = result.summary.nextPosition
            if let found = try FrameResynchronizer.nextFrame(
                in: file, fileSystem: fileSystem, after: damageOffset, before: fileBytes, expectedPosition: expected)
            {
                result.damagedRanges.append(
                    DamagedRange(
                        startOffset: damageOffset, endOffset: found.offset, fromPosition: expected,
                        toPosition: found.header.firstPosition, reason: reason))
                result.summary.bytes = found.offset
                // The positions of the damaged frames are lost; the good frame is where the sequence resumes.
                result.summary.nextPosition = found.header.firstPosition
                offset = found.offset
                resumesAfterDamage = true
            } else if isTruncated {
                result.tornTailOffset = damageOffset
                break
            } else {
                result.damagedRanges.append(
                    DamagedRange(
                        startOffset: damageOffset, endOffset: fileBytes, fromPosition: expected, toPosition: nil,
                        reason: reason))
                result.summary.bytes = fileBytes
                break
            }
        }
        return result
    }

    /// Why and where a walk stopped short of the end, if it did: (offset, reason, whether the file ended inside the
    /// frame).
    private typealias Damage = (offset: Int64, reason: String, isTruncated: Bool)

    private static func walk(
        _ file: OpenFile, from start: Int64, to end: Int64, fileSystem: any FileSystem, into result: inout Result,
        forceFirstEntry: Bool
    ) throws -> Damage? {
        var outOfSequence: (offset: Int64, reason: String)?
        var forceEntry = forceFirstEntry
        let walker = FrameWalker(
            file: file, fileSystem: fileSystem, from: start, to: end, bufferBytes: Limits.recoveryReadBufferBytes)
        let walkEnd = try walker.walk { header, _, offset in
            let summary = result.summary
            guard header.firstPosition == summary.nextPosition else {
                outOfSequence = (
                    offset, "frame starts at position \(header.firstPosition), expected \(summary.nextPosition)"
                )
                return false
            }
            if let last = summary.lastArrivalMilliseconds, header.arrivalMilliseconds < last {
                outOfSequence = (offset, "frame arrival time \(header.arrivalMilliseconds) goes back from \(last)")
                return false
            }
            // After damaged bytes, an entry right at the good frame keeps seeks from walking into the damage.
            result.index.noteFrame(header, at: offset, force: forceEntry)
            forceEntry = false
            result.summary.add(header)
            result.summary.bytes = offset + Int64(header.frameBytes)
            return true
        }
        switch walkEnd {
        case .reachedEnd: return nil
        case .stopped: return outOfSequence.map { ($0.offset, $0.reason, false) }
        case .damaged(let offset, let reason): return (offset, reason, false)
        case .truncated(let offset): return (offset, "data ends inside a frame", true)
        }
    }
}
