#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts one file's bytes into records as the Kinesis Agent does: a line per record, or multi-line records that
/// begin at lines matching `multiLineStartPattern`; header lines at the start of the file and everything from a
/// footer line on are passed over; a record longer than `recordBytesMax` is cut and ends with the terminator.
///
/// It is fed the file's bytes in order, in chunks of any size, and returns pieces (`FramedRecord`) that account
/// for every byte exactly once, in order. A line is decided on when its newline arrives, or when it outgrows
/// `recordBytesMax` (then its first bytes are decided on and the rest is passed over as it comes), so memory stays
/// within about twice `recordBytesMax` whatever the file holds. A last line without newline, or a multi-line
/// record with no next start line yet, waits for `flushPartial`.
public struct RecordSplitter: Sendable {
    private enum LineClass {
        case header, footer, start, continuation, plain
    }

    /// The line being assembled: its first bytes, and once it outgrew `recordBytesMax`, how its rest is skipped.
    private struct LineInProgress {
        var head: [UInt8] = []
        var startOffset: Int64
        var tailReason: FramedRecord.SkipReason?
        /// The start of the rest not yet reported as skipped.
        var unreportedOffset: Int64 = 0
    }

    /// A multi-line record still open to continuation lines.
    private struct PendingRecord {
        enum State { case none, open, truncatedAndSent }
        var state = State.none
        var bytes: [UInt8] = []
        var startOffset: Int64 = 0
        var endOffset: Int64 = 0
    }

    public let framing: RecordFraming
    /// Where the next byte fed sits in the file.
    public private(set) var nextOffset: Int64
    /// Where the last piece returned ends: everything before it has been returned.
    public private(set) var emittedEndOffset: Int64

    private let lineStartPattern: LinePattern?
    private let footerPattern: LinePattern?
    private let isPlain: Bool
    private var headerLinesRemaining: Int
    private var isInFooter = false
    private var line: LineInProgress
    private var pending = PendingRecord()
    private var lastExtendedMilliseconds: Int64 = 0

    /// Starts reading at `startOffset`: 0 for a file read from its beginning (header lines are skipped only
    /// then), or a checkpoint.
    public init(framing: RecordFraming, startOffset: Int64) throws(LinePatternError) {
        precondition(startOffset >= 0, "a file offset is never negative")
        precondition(framing.recordBytesMax > 0, "recordBytesMax must be positive")
        precondition(framing.skipHeaderLines >= 0, "skipHeaderLines is never negative")
        self.framing = framing
        lineStartPattern = try framing.multiLineStartPattern.map { pattern throws(LinePatternError) in
            try LinePattern(pattern)
        }
        footerPattern = try framing.fileFooterPattern.map { pattern throws(LinePatternError) in
            try LinePattern(pattern)
        }
        headerLinesRemaining = startOffset == 0 ? framing.skipHeaderLines : 0
        isPlain = lineStartPattern == nil && footerPattern == nil
        nextOffset = startOffset
        emittedEndOffset = startOffset
        line = LineInProgress(startOffset: startOffset)
    }

    /// True while bytes were fed that no returned piece covers yet.
    public var hasPendingBytes: Bool { emittedEndOffset < nextOffset }

    // MARK: Feeding

    /// Takes the next bytes of the file (starting at `nextOffset`) and appends the pieces they complete.
    public mutating func feed(
        _ bytes: ArraySlice<UInt8>, nowMilliseconds: Int64, into records: inout [FramedRecord]
    ) {
        guard !bytes.isEmpty else { return }
        lastExtendedMilliseconds = nowMilliseconds
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while position < buffer.count {
                let rest = UnsafeBufferPointer(rebasing: buffer[position...])
                // Past a footer lines no longer matter: the rest of the chunk is one skipped piece.
                let segmentCount = isInFooter ? rest.count : Self.lineSegmentCount(rest)
                let segment = UnsafeBufferPointer(rebasing: rest[0..<segmentCount])
                consume(segment, endsLine: segment[segmentCount - 1] == 0x0A, into: &records)
                position += segmentCount
            }
        }
        reportTail(into: &records)
    }

    public mutating func feed(_ bytes: [UInt8], nowMilliseconds: Int64) -> [FramedRecord] {
        var records: [FramedRecord] = []
        feed(bytes[...], nowMilliseconds: nowMilliseconds, into: &records)
        return records
    }

    /// Bytes up to and including the first newline, or all of them when there is none.
    private static func lineSegmentCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        guard let newline = memchr(base, 0x0A, bytes.count) else { return bytes.count }
        return UnsafeRawPointer(newline) - base + 1
    }

    private mutating func consume(
        _ segment: UnsafeBufferPointer<UInt8>, endsLine: Bool, into records: inout [FramedRecord]
    ) {
        if isInFooter {
            let startOffset = nextOffset
            nextOffset += Int64(segment.count)
            emitSkipped(.footer, from: startOffset, into: &records)
            return
        }
        if let tailReason = line.tailReason {
            nextOffset += Int64(segment.count)
            if endsLine {
                emitSkipped(tailReason, from: line.unreportedOffset, into: &records)
                line = LineInProgress(startOffset: nextOffset)
            }
            return
        }
        if isPlain, endsLine, line.head.isEmpty, headerLinesRemaining == 0, segment.count <= framing.recordBytesMax {
            // The common case: a whole line in one chunk, no patterns. One copy, no line buffer.
            let startOffset = nextOffset
            nextOffset += Int64(segment.count)
            emit(FramedRecord(bytes: Array(segment), startOffset: startOffset, endOffset: nextOffset, kind: .record),
                 into: &records)
            return
        }
        // Lines taken whole by the fast path leave no trace in `line`, so its start is set by its first byte.
        if line.head.isEmpty { line.startOffset = nextOffset }
        let roomBytes = framing.recordBytesMax - line.head.count
        if segment.count <= roomBytes {
            line.head.append(contentsOf: segment)
            nextOffset += Int64(segment.count)
            if endsLine { finishLine(isOverlong: false, into: &records) }
            return
        }
        line.head.append(contentsOf: UnsafeBufferPointer(rebasing: segment[0..<roomBytes]))
        nextOffset += Int64(roomBytes)
        finishLine(isOverlong: true, into: &records)
        consume(UnsafeBufferPointer(rebasing: segment[roomBytes...]), endsLine: endsLine, into: &records)
    }

    /// Reports the skipped rest of an overlong line consumed so far, so a checkpoint can pass it before its
    /// newline comes (a line that never ends must not hold the checkpoint forever).
    private mutating func reportTail(into records: inout [FramedRecord]) {
        guard let tailReason = line.tailReason, line.unreportedOffset < nextOffset else { return }
        emitSkipped(tailReason, from: line.unreportedOffset, into: &records)
        line.unreportedOffset = nextOffset
    }

    // MARK: Deciding on lines

    /// Decides on the line assembled so far, which ends at `nextOffset`. An overlong line is decided on its first
    /// `recordBytesMax` bytes; its rest is then skipped as it arrives.
    private mutating func finishLine(isOverlong: Bool, into records: inout [FramedRecord]) {
        let head = line.head
        let startOffset = line.startOffset
        line = LineInProgress(startOffset: nextOffset)
        let tailReason: FramedRecord.SkipReason?
        switch classify(head) {
        case .header:
            emitSkipped(.header, from: startOffset, into: &records)
            tailReason = .header
        case .footer:
            emitPendingRecord(into: &records)
            emitSkipped(.footer, from: startOffset, into: &records)
            isInFooter = true
            tailReason = nil
        case .start:
            emitPendingRecord(into: &records)
            openRecord(head, startOffset: startOffset, isOverlong: isOverlong, into: &records)
            tailReason = .truncatedRemainder
        case .continuation:
            continueRecord(head, startOffset: startOffset, isOverlong: isOverlong, into: &records)
            tailReason = .truncatedRemainder
        case .plain:
            emitRecord(head, startOffset: startOffset, isTruncated: isOverlong, into: &records)
            tailReason = .truncatedRemainder
        }
        if isOverlong, let tailReason {
            line.tailReason = tailReason
            line.unreportedOffset = nextOffset
        }
    }

    private mutating func classify(_ head: [UInt8]) -> LineClass {
        if headerLinesRemaining > 0 {
            headerLinesRemaining -= 1
            return .header
        }
        if let footerPattern, footerPattern.matchesStart(ofLine: head) { return .footer }
        guard let lineStartPattern else { return .plain }
        return lineStartPattern.matchesStart(ofLine: head) ? .start : .continuation
    }

    private mutating func openRecord(
        _ head: [UInt8], startOffset: Int64, isOverlong: Bool, into records: inout [FramedRecord]
    ) {
        if isOverlong {
            emitRecord(head, startOffset: startOffset, isTruncated: true, into: &records)
            pending = PendingRecord(state: .truncatedAndSent)
        } else {
            pending = PendingRecord(state: .open, bytes: head, startOffset: startOffset, endOffset: nextOffset)
        }
    }

    /// A line that does not start a record: it extends the open one, or is dropped after that one was cut, or is
    /// a record of its own when none is open (lines before the first start line).
    private mutating func continueRecord(
        _ head: [UInt8], startOffset: Int64, isOverlong: Bool, into records: inout [FramedRecord]
    ) {
        switch pending.state {
        case .none:
            emitRecord(head, startOffset: startOffset, isTruncated: isOverlong, into: &records)
        case .truncatedAndSent:
            emitSkipped(.truncatedRemainder, from: startOffset, into: &records)
        case .open:
            if isOverlong || pending.bytes.count + head.count > framing.recordBytesMax {
                var bytes = pending.bytes
                bytes.append(contentsOf: head.prefix(framing.recordBytesMax - bytes.count))
                let recordStartOffset = pending.startOffset
                pending = PendingRecord(state: .truncatedAndSent)
                emitRecord(bytes, startOffset: recordStartOffset, isTruncated: true, into: &records)
            } else {
                pending.bytes.append(contentsOf: head)
                pending.endOffset = nextOffset
            }
        }
    }

    // MARK: Flushing

    /// Returns what waits for more bytes (a last line without newline, an open multi-line record) once the
    /// file stopped growing (the caller has read to its end) and `partialLineTimeoutMilliseconds` passed since
    /// bytes were last fed. While the file grows, waiting is right: the rest of the line may be behind.
    public mutating func flushPartial(
        nowMilliseconds: Int64, fileStoppedGrowing: Bool, into records: inout [FramedRecord]
    ) {
        guard fileStoppedGrowing, hasWaitingRecord,
            nowMilliseconds - lastExtendedMilliseconds >= Int64(framing.partialLineTimeoutMilliseconds)
        else { return }
        finish(into: &records)
    }

    public mutating func flushPartial(nowMilliseconds: Int64, fileStoppedGrowing: Bool) -> [FramedRecord] {
        var records: [FramedRecord] = []
        flushPartial(nowMilliseconds: nowMilliseconds, fileStoppedGrowing: fileStoppedGrowing, into: &records)
        return records
    }

    /// Returns everything waiting now, without a timeout: for a file that can grow no more (rotated away and read
    /// to its end). Bytes fed afterwards start a new line.
    public mutating func finish(into records: inout [FramedRecord]) {
        if line.tailReason == nil, !line.head.isEmpty {
            finishLine(isOverlong: false, into: &records)
        }
        emitPendingRecord(into: &records)
        if pending.state == .truncatedAndSent { pending = PendingRecord() }
    }

    public mutating func finish() -> [FramedRecord] {
        var records: [FramedRecord] = []
        finish(into: &records)
        return records
    }

    /// True when a line or record waits for bytes that may never come.
    public var hasWaitingRecord: Bool {
        (line.tailReason == nil && !line.head.isEmpty) || pending.state == .open
    }

    // MARK: Emitting

    private mutating func emitPendingRecord(into records: inout [FramedRecord]) {
        guard pending.state == .open else { return }
        let bytes = pending.bytes
        let startOffset = pending.startOffset
        let endOffset = pending.endOffset
        pending = PendingRecord()
        emit(FramedRecord(bytes: bytes, startOffset: startOffset, endOffset: endOffset, kind: .record),
             into: &records)
    }

    /// A record ending at `nextOffset`, cut to `recordBytesMax` with the terminator when `isTruncated`.
    private mutating func emitRecord(
        _ bytes: [UInt8], startOffset: Int64, isTruncated: Bool, into records: inout [FramedRecord]
    ) {
        var sent = bytes
        if isTruncated {
            let keptBytes = max(0, framing.recordBytesMax - framing.truncatedRecordTerminator.count)
            sent = Array(bytes.prefix(keptBytes)) + framing.truncatedRecordTerminator
        }
        emit(FramedRecord(bytes: sent, startOffset: startOffset, endOffset: nextOffset, kind: .record,
                          isTruncated: isTruncated), into: &records)
    }

    private mutating func emitSkipped(
        _ reason: FramedRecord.SkipReason, from startOffset: Int64, into records: inout [FramedRecord]
    ) {
        guard startOffset < nextOffset else { return }
        emit(FramedRecord(bytes: [], startOffset: startOffset, endOffset: nextOffset, kind: .skipped(reason)),
             into: &records)
    }

    private mutating func emit(_ record: FramedRecord, into records: inout [FramedRecord]) {
        precondition(record.startOffset == emittedEndOffset, "pieces must cover the file without gap or overlap")
        emittedEndOffset = record.endOffset
        records.append(record)
    }
}
