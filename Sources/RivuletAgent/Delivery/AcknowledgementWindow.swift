/// The records of one file that are between the reader and the stream, in file order, and how far the file is
/// acknowledged: the end of the longest prefix of records that are all done (put, or skipped on purpose).
///
/// A checkpoint is only ever this prefix, so a crash can repeat records that were in flight but can never skip one:
/// a batch acknowledged out of order does not move the checkpoint past an earlier batch still in flight.
struct AcknowledgementWindow: Sendable {
    private var endOffsets: [Int64] = []
    private var done: [Bool] = []
    /// Index of the oldest record not yet passed by the prefix.
    private var head = 0
    /// Sequence number of `endOffsets[0]`.
    private var baseSequence = 0
    private(set) var acknowledgedOffsetBytes: Int64

    init(startOffsetBytes: Int64) {
        acknowledgedOffsetBytes = startOffsetBytes
    }

    /// Records handed out and not yet passed by the acknowledged prefix.
    var pendingCount: Int { endOffsets.count - head }

    /// Adds the next record of the file (ending at `endOffsetBytes`); returns its sequence number, which
    /// `acknowledge` takes. A record skipped on purpose is added already done.
    mutating func append(endOffsetBytes: Int64, done isDone: Bool) -> Int {
        precondition(endOffsetBytes >= (endOffsets.last ?? acknowledgedOffsetBytes), "records come in file order")
        endOffsets.append(endOffsetBytes)
        done.append(isDone)
        if isDone { advance() }
        return baseSequence + endOffsets.count - 1
    }

    /// Marks one record done and moves the prefix as far as it now reaches.
    mutating func acknowledge(_ sequence: Int) {
        let index = sequence - baseSequence
        guard index >= head, index < done.count else { return }
        done[index] = true
        advance()
    }

    private mutating func advance() {
        while head < done.count && done[head] {
            acknowledgedOffsetBytes = endOffsets[head]
            head += 1
        }
        // Compact once the passed part dominates, so memory follows the records in flight, not the file.
        if head == done.count {
            baseSequence += head
            endOffsets.removeAll(keepingCapacity: true)
            done.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= done.count {
            baseSequence += head
            endOffsets.removeFirst(head)
            done.removeFirst(head)
            head = 0
        }
    }
}
