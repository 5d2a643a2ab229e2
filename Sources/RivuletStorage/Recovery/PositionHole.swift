/// A range of positions a shard will never return records for, and why: the records there were damaged on disk
/// (then the damaged bytes are named by segment and byte range, and kept for inspection), or the positions were
/// never used (reserved before a crash, or cut off with a torn write). Readers step over holes; recording them is
/// what lets a reader tell an expected jump in positions from damage.
public struct PositionHole: Codable, Hashable, Sendable {
    /// The first position missing.
    public var fromPosition: UInt64
    /// The first position after the hole; equal to `fromPosition` when damaged bytes held no known position.
    public var toPosition: UInt64
    public var reason: String
    /// The segment (by its first position) holding the damaged bytes; nil for positions no file ever held.
    public var segmentFirstPosition: UInt64?
    /// Where the damaged bytes start in that segment.
    public var startOffset: Int64?
    /// Where good frames resume in that segment (the segment's end if none do).
    public var endOffset: Int64?

    public init(
        fromPosition: UInt64, toPosition: UInt64, reason: String, segmentFirstPosition: UInt64? = nil,
        startOffset: Int64? = nil, endOffset: Int64? = nil
    ) {
        precondition(toPosition >= fromPosition, "a hole does not run backwards")
        self.fromPosition = fromPosition
        self.toPosition = toPosition
        self.reason = reason
        self.segmentFirstPosition = segmentFirstPosition
        self.startOffset = startOffset
        self.endOffset = endOffset
    }

    /// Positions reserved ahead of appends that a crash left unused: nothing was ever stored at them.
    public static let unusedAfterCrash = "unused positions after a crash"
    /// Positions of a last frame cut by a crash: under fsync `always` never acknowledged.
    public static let tornByCrash = "last frame torn by a crash"
    /// Positions between two segments that no file holds: a segment was lost or cut by an earlier version.
    public static let missingBetweenSegments = "positions missing between segments"

    /// Whether no record was lost: the positions were never handed out for a stored record.
    public var isUnusedPositions: Bool { reason == Self.unusedAfterCrash || reason == Self.tornByCrash }

    private enum CodingKeys: String, CodingKey {
        case fromPosition = "from"
        case toPosition = "to"
        case reason
        case segmentFirstPosition = "segment"
        case startOffset = "offset"
        case endOffset = "endOffset"
    }

    public var positionCount: UInt64 { toPosition - fromPosition }

    /// Whether these are the same damaged bytes (or the same unused range), whatever the recorded reason.
    func describesSameRange(as other: PositionHole) -> Bool {
        if let segment = segmentFirstPosition, let offset = startOffset {
            return other.segmentFirstPosition == segment && other.startOffset == offset
        }
        return other.segmentFirstPosition == nil && other.fromPosition == fromPosition
            && other.toPosition == toPosition
    }

    func contains(_ position: UInt64) -> Bool { position >= fromPosition && position < toPosition }
}
