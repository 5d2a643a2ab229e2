import Logging
import RivuletCore

/// Opens an existing shard folder without ever throwing away an intact frame.
///
/// Closed segments whose index file is intact (and whose first frame checks) are trusted; others are scanned. The
/// active (last) segment is always scanned. A scan steps over damaged bytes to the next good frame
/// (`SegmentScanner`), and each damaged range becomes a recorded hole (holes.json). The only bytes ever cut are a
/// torn tail: the end of the active segment where the file stops inside its last frame.
///
/// The shard then continues at a position past every position it ever handed out: the higher of the scan and the
/// durable reservation (reserved-positions), or without one (older data) of the scan and what the bytes lost at the
/// end could have held. When that is beyond the
/// active segment's end, or damaged bytes end it, the active segment is closed as it is and an empty one is started
/// at the new position; the positions between are recorded as a hole, so readers know the jump is expected.
///
/// The cost of an open is one small index file and one frame per closed segment plus one scan of the active segment.
struct ShardRecovery {
    let stream: StreamKey
    let shardIndex: Int
    let directory: String
    let environment: ShardLogEnvironment
    /// Holes found by this open, to be recorded with those already known.
    private var foundHoles: [PositionHole] = []
    /// Holes recorded by earlier opens and readers.
    private var knownHoles: [PositionHole] = []
    private var hadTornTail = false

    private var fileSystem: any FileSystem { environment.fileSystem }
    private var logger: Logger { environment.logger }

    /// - Parameter closedAtPosition: where the catalog says the shard ends, if a reshard closed it: such a shard
    ///   takes no appends, so it continues at exactly that position.
    static func open(
        stream: StreamKey, shardIndex: Int, directory: String, environment: ShardLogEnvironment,
        closedAtPosition: UInt64? = nil
    ) throws -> ShardLog {
        var recovery = ShardRecovery(
            stream: stream, shardIndex: shardIndex, directory: directory, environment: environment)
        return try recovery.open(closedAtPosition: closedAtPosition)
    }

    private init(stream: StreamKey, shardIndex: Int, directory: String, environment: ShardLogEnvironment) {
        self.stream = stream
        self.shardIndex = shardIndex
        self.directory = directory
        self.environment = environment
    }

    private mutating func open(closedAtPosition: UInt64?) throws -> ShardLog {
        let reservation = ReservationFile.load(directory: directory, fileSystem: fileSystem)
        if reservation == nil, fileSystem.fileExists(atPath: ReservationFile.path(in: directory)) {
            logger.error(
                "reserved positions unreadable; continuing from the scan alone",
                metadata: ["file.path": "\(ReservationFile.path(in: directory))"])
        }
        knownHoles = loadKnownHoles()
        guard fileSystem.fileExists(atPath: directory) else {
            logger.warning("shard folder missing; starting the shard empty", metadata: ["file.path": "\(directory)"])
            return try ShardLog.create(
                stream: stream, shardIndex: shardIndex, directory: directory, environment: environment)
        }
        let positions = try fileSystem.contentsOfDirectory(atPath: directory)
            .compactMap(SegmentFileName.position(ofLog:)).sorted()
        guard let lastPosition = positions.last else {
            let log = try ShardLog.create(
                stream: stream, shardIndex: shardIndex, directory: directory, environment: environment,
                firstPosition: closedAtPosition ?? reservation?.position ?? 0)
            log.state.withLock { $0.reservation = reservation }
            return log
        }
        var closed: [SegmentSummary] = []
        for position in positions.dropLast() {
            if let summary = try recoverClosed(position) { closed.append(summary) }
        }
        let recovered = try recoverActive(lastPosition)
        var active = recovered.segment
        let lostPositionsBound = recovered.lostPositionsBound
        let scannedNext = active.summary.nextPosition
        // The reservation bounds every position handed out; without one (data older than it) only the bytes lost
        // at the end of the active segment say how many positions may have gone with them.
        let next =
            closedAtPosition.map { max($0, scannedNext) }
            ?? max(scannedNext, reservation?.position ?? lostPositionsBound)
        if next > scannedNext || endsInDamage(active.summary) {
            active = try continueActive(after: active, at: next, closing: &closed)
        }
        try checkContinuity(closed + [active.summary])
        let log = ShardLog(
            stream: stream, shardIndex: shardIndex, directory: directory, environment: environment,
            state: .init(closedSegments: closed, active: active))
        let known = knownHoles
        log.state.withLock { state in
            state.holes = known
            state.reservation = reservation
        }
        report(foundHoles, of: log)
        log.record(foundHoles)
        return log
    }

    /// Closes the active segment as it is (removing it if empty) and starts an empty one at `next`, so that
    /// positions stay dense within each segment; the jump is recorded as a hole unless damaged bytes at the end of
    /// the old segment take it over.
    private mutating func continueActive(
        after old: ShardLog.ActiveSegment, at next: UInt64, closing closed: inout [SegmentSummary]
    ) throws -> ShardLog.ActiveSegment {
        if !old.summary.isEmpty {
            closed.append(old.summary)
            ShardLog.writeIndexFile(old.summary, old.index, directory: directory, environment: environment)
        }
        let active = try startActive(at: next, replacingEmpty: old.summary.isEmpty ? old.summary : nil)
        if !endsInDamage(old.summary) && next > old.summary.nextPosition {
            foundHoles.append(
                PositionHole(
                    fromPosition: old.summary.nextPosition, toPosition: next,
                    reason: hadTornTail ? PositionHole.tornByCrash : PositionHole.unusedAfterCrash))
        }
        return active
    }

    private func loadKnownHoles() -> [PositionHole] {
        if let holes = HoleFile.load(directory: directory, fileSystem: fileSystem) { return holes }
        logger.error(
            "hole record unreadable; damage is found again when read",
            metadata: ["file.path": "\(HoleFile.path(in: directory))"])
        return []
    }

    private func endsInDamage(_ summary: SegmentSummary) -> Bool {
        foundHoles.contains {
            $0.segmentFirstPosition == summary.firstPosition && $0.endOffset == summary.bytes
        }
    }

    // MARK: Segments

    /// The active segment as scanned, its torn tail (if any) cut, and a bound on the positions lost at its end.
    private mutating func recoverActive(
        _ firstPosition: UInt64
    ) throws -> (segment: ShardLog.ActiveSegment, lostPositionsBound: UInt64) {
        let path = FileSystemNames.join(directory, SegmentFileName.log(firstPosition))
        let file = try fileSystem.openFile(atPath: path, creating: false)
        let scan = try scanRecordingHoles(file, firstPosition)
        var lostBound = scan.summary.nextPosition
        if let tornOffset = scan.tornTailOffset {
            let droppedBytes = scan.fileBytes - tornOffset
            logger.warning(
                "truncating torn segment tail",
                metadata: [
                    "file.path": "\(path)", "bytes.dropped": "\(droppedBytes)", "bytes.kept": "\(tornOffset)",
                    "reason": "data ends inside the last frame",
                ])
            hadTornTail = true
            try fileSystem.truncate(file, toBytes: tornOffset)
            try fileSystem.synchronize(file)
            StorageMetrics.recordTailBytesTruncated(droppedBytes)
            lostBound += FrameResynchronizer.positionsBound(ofDamagedBytes: droppedBytes)
        }
        if let trailing = scan.damagedRanges.last, trailing.toPosition == nil {
            lostBound += FrameResynchronizer.positionsBound(ofDamagedBytes: trailing.endOffset - trailing.startOffset)
        }
        return (ShardLog.ActiveSegment(summary: scan.summary, index: scan.index, file: file), lostBound)
    }

    /// A closed segment's summary from its index file, or from a scan (which also rewrites the index file) when the
    /// index is missing, damaged, does not match the segment's size, or its first frame fails its check. Nil for an
    /// empty segment, which only an interrupted recovery leaves behind and which is removed.
    private mutating func recoverClosed(_ firstPosition: UInt64) throws -> SegmentSummary? {
        let segmentPath = FileSystemNames.join(directory, SegmentFileName.log(firstPosition))
        let indexPath = FileSystemNames.join(directory, SegmentFileName.index(firstPosition))
        let file = try fileSystem.openFile(atPath: segmentPath, creating: false)
        let fileBytes = try fileSystem.sizeBytes(of: file)
        if fileBytes == 0 {
            try fileSystem.removeFile(atPath: indexPath)
            try fileSystem.removeFile(atPath: segmentPath)
            return nil
        }
        if let bytes = try? fileSystem.readWholeFile(atPath: indexPath),
            let decoded = IndexFile.decode(
                bytes, firstPosition: firstPosition, intervalBytes: environment.configuration.indexIntervalBytes),
            decoded.summary.bytes == fileBytes
        {
            let damageKnown = knownHoles.contains { $0.segmentFirstPosition == firstPosition && $0.startOffset == 0 }
            if try damageKnown || firstFrameChecks(file, decoded.summary) { return decoded.summary }
            logger.warning(
                "first frame of a closed segment fails its check; scanning the segment",
                metadata: ["file.path": "\(segmentPath)"])
        } else {
            logger.warning(
                "segment index missing or stale; rebuilding it", metadata: ["file.path": "\(indexPath)"])
        }
        let scan = try scanRecordingHoles(file, firstPosition)
        var summary = scan.summary
        if let tornOffset = scan.tornTailOffset {
            // Not the active segment: its end is never cut, only stepped over.
            foundHoles.append(
                PositionHole(
                    fromPosition: summary.nextPosition, toPosition: summary.nextPosition,
                    reason: "data ends inside a frame", segmentFirstPosition: firstPosition,
                    startOffset: tornOffset, endOffset: scan.fileBytes))
            summary.bytes = scan.fileBytes
        }
        ShardLog.writeIndexFile(summary, scan.index, directory: directory, environment: environment)
        return summary
    }

    /// The cheap check at open of a segment trusted by its index: its first frame (one read) is whole and starts
    /// where the segment does. Damage further in is found by readers, which record it then.
    private func firstFrameChecks(_ file: OpenFile, _ summary: SegmentSummary) throws -> Bool {
        var checked = false
        let walker = FrameWalker(
            file: file, fileSystem: fileSystem, from: 0, to: summary.bytes,
            bufferBytes: RecordFrame.headerBytes)
        let end = try walker.walk { header, _, _ in
            checked = header.firstPosition == summary.firstPosition
            return false
        }
        return end == .stopped && checked
    }

    /// Scans a segment and notes its damaged ranges as holes; a damaged range at the end gets its last position
    /// once the following segment (or the new active one) says where positions resume.
    private mutating func scanRecordingHoles(
        _ file: OpenFile, _ firstPosition: UInt64
    ) throws -> SegmentScanner.Result {
        let scan = try SegmentScanner.scan(
            file, firstPosition: firstPosition, fileSystem: fileSystem,
            indexIntervalBytes: environment.configuration.indexIntervalBytes)
        for range in scan.damagedRanges {
            foundHoles.append(
                PositionHole(
                    fromPosition: range.fromPosition, toPosition: range.toPosition ?? range.fromPosition,
                    reason: range.reason, segmentFirstPosition: firstPosition, startOffset: range.startOffset,
                    endOffset: range.endOffset))
        }
        return scan
    }

    /// Starts an empty active segment at `position`. The new file is made durable before an empty segment it
    /// replaces is removed, so a crash in between leaves an empty closed segment, which the next open removes.
    private func startActive(at position: UInt64, replacingEmpty empty: SegmentSummary?) throws
        -> ShardLog.ActiveSegment
    {
        let path = FileSystemNames.join(directory, SegmentFileName.log(position))
        let file = try fileSystem.openFile(atPath: path, creating: true)
        if let empty, empty.firstPosition != position {
            try fileSystem.synchronizeDirectory(atPath: directory)
            for name in [SegmentFileName.index(empty.firstPosition), SegmentFileName.log(empty.firstPosition)] {
                try fileSystem.removeFile(atPath: FileSystemNames.join(directory, name))
            }
        }
        try fileSystem.synchronizeDirectory(atPath: directory)
        return ShardLog.ActiveSegment(
            summary: .empty(at: position),
            index: SegmentIndex(intervalBytes: environment.configuration.indexIntervalBytes), file: file)
    }

    /// Segments must not overlap. Where positions jump from one segment to the next, the jump is a hole: damaged
    /// bytes at the end of the earlier segment take it over, otherwise it is recorded as unused positions.
    private mutating func checkContinuity(_ segments: [SegmentSummary]) throws {
        for (earlier, later) in zip(segments, segments.dropFirst()) {
            if earlier.nextPosition > later.firstPosition {
                throw StorageError.corrupt(
                    path: directory,
                    detail:
                        "segment \(earlier.firstPosition) runs to \(earlier.nextPosition), past \(later.firstPosition)")
            }
            if let trailing = foundHoles.firstIndex(where: {
                $0.segmentFirstPosition == earlier.firstPosition && $0.endOffset == earlier.bytes
                    && $0.fromPosition == earlier.nextPosition
            }) {
                foundHoles[trailing].toPosition = later.firstPosition
            } else if earlier.nextPosition < later.firstPosition,
                !(foundHoles + knownHoles).contains(where: {
                    $0.fromPosition <= earlier.nextPosition && $0.toPosition >= later.firstPosition
                })
            {
                foundHoles.append(
                    PositionHole(
                        fromPosition: earlier.nextPosition, toPosition: later.firstPosition,
                        reason: PositionHole.missingBetweenSegments))
            }
        }
    }

    private func report(_ holes: [PositionHole], of log: ShardLog) {
        let known = log.state.withLock { $0.holes }
        for hole in holes where !known.contains(where: { $0.describesSameRange(as: hole) }) {
            StorageMetrics.recordHoleFound()
            logger.warning("skipping damaged or unused positions", metadata: log.metadata(of: hole, path: directory))
        }
    }
}
