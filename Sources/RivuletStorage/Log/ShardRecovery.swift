import Logging
import RivuletCore

/// Opens an existing shard folder: trusts closed segments whose index file is intact, and scans the last segment
/// (and any closed one whose index is missing or stale), truncating a torn or damaged tail at the first bad frame.
///
/// The cost of an open is one small index file per closed segment plus one scan of the active segment, so it does not
/// grow with the records stored in closed segments.
enum ShardRecovery {
    static func open(
        stream: StreamKey, shardIndex: Int, directory: String, environment: ShardLogEnvironment
    ) throws -> ShardLog {
        let fileSystem = environment.fileSystem
        guard fileSystem.fileExists(atPath: directory) else {
            environment.logger.warning(
                "shard folder missing; starting the shard empty", metadata: ["file.path": "\(directory)"])
            return try ShardLog.create(
                stream: stream, shardIndex: shardIndex, directory: directory, environment: environment)
        }
        let positions = try fileSystem.contentsOfDirectory(atPath: directory)
            .compactMap(SegmentFileName.position(ofLog:)).sorted()
        guard let lastPosition = positions.last else {
            return try ShardLog.create(
                stream: stream, shardIndex: shardIndex, directory: directory, environment: environment)
        }
        let log = ShardLog(
            stream: stream, shardIndex: shardIndex, directory: directory, environment: environment,
            state: .init(closedSegments: [], active: try recoverActive(lastPosition, directory, environment)))
        let closed = try positions.dropLast().map { try recoverClosed($0, log) }
        try checkContinuity(closed + [log.state.withLock { $0.active.summary }], directory, environment.logger)
        log.state.withLock { $0.closedSegments = closed }
        return log
    }

    private static func recoverActive(
        _ firstPosition: UInt64, _ directory: String, _ environment: ShardLogEnvironment
    ) throws -> ShardLog.ActiveSegment {
        let path = FileSystemNames.join(directory, SegmentFileName.log(firstPosition))
        let file = try environment.fileSystem.openFile(atPath: path, creating: false)
        let scan = try scanRepairing(file, firstPosition, environment)
        return ShardLog.ActiveSegment(summary: scan.summary, index: scan.index, file: file)
    }

    /// A closed segment's summary from its index file, or from a scan (which also rewrites the index file) when the
    /// index is missing, damaged, or does not match the segment's size.
    private static func recoverClosed(_ firstPosition: UInt64, _ log: ShardLog) throws -> SegmentSummary {
        let environment = log.environment
        let file = try environment.fileSystem.openFile(atPath: log.segmentPath(firstPosition), creating: false)
        let fileBytes = try environment.fileSystem.sizeBytes(of: file)
        if let bytes = try? environment.fileSystem.readWholeFile(atPath: log.indexPath(firstPosition)),
            let decoded = IndexFile.decode(
                bytes, firstPosition: firstPosition, intervalBytes: environment.configuration.indexIntervalBytes),
            decoded.summary.bytes == fileBytes
        {
            return decoded.summary
        }
        environment.logger.warning(
            "segment index missing or stale; rebuilding it", metadata: ["file.path": "\(log.indexPath(firstPosition))"])
        let scan = try scanRepairing(file, firstPosition, environment)
        log.writeIndexFile(scan.summary, scan.index)
        return scan.summary
    }

    /// Scans a segment and cuts off everything from its first bad frame, saying what was dropped.
    private static func scanRepairing(
        _ file: OpenFile, _ firstPosition: UInt64, _ environment: ShardLogEnvironment
    ) throws -> SegmentScanner.Result {
        let scan = try SegmentScanner.scan(
            file, firstPosition: firstPosition, fileSystem: environment.fileSystem,
            indexIntervalBytes: environment.configuration.indexIntervalBytes)
        if scan.validBytes < scan.fileBytes {
            environment.logger.warning(
                "truncating torn or damaged segment tail",
                metadata: [
                    "file.path": "\(file.path)", "bytes.dropped": "\(scan.fileBytes - scan.validBytes)",
                    "bytes.kept": "\(scan.validBytes)", "reason": "\(scan.problem ?? "trailing bytes")",
                ])
            try environment.fileSystem.truncate(file, toBytes: scan.validBytes)
            try environment.fileSystem.synchronize(file)
        }
        return scan
    }

    /// Segments must not overlap. A gap is possible only where a damaged segment was cut short; it is reported, and
    /// readers step over it.
    private static func checkContinuity(_ segments: [SegmentSummary], _ directory: String, _ logger: Logger) throws {
        for (earlier, later) in zip(segments, segments.dropFirst()) {
            if earlier.nextPosition > later.firstPosition {
                throw StorageError.corrupt(
                    path: directory,
                    detail:
                        "segment \(earlier.firstPosition) runs to \(earlier.nextPosition), past \(later.firstPosition)")
            }
            if earlier.nextPosition < later.firstPosition {
                logger.error(
                    "positions missing between segments",
                    metadata: [
                        "file.path": "\(directory)", "position.from": "\(earlier.nextPosition)",
                        "position.to": "\(later.firstPosition)",
                    ])
            }
        }
    }
}
