import Foundation

/// Checks every frame of every segment of a file store, read-only: it writes nothing, cuts nothing, and takes no
/// lock, so it can run beside a server using the folder (whose active segments may then show a torn tail: an
/// append in progress). It reads the segments themselves, not their index files, so it finds damage that an open
/// trusting an intact index would only meet when a reader gets there.
public struct StoreVerifier {
    public let directory: String
    private let fileSystem: any FileSystem
    private let indexIntervalBytes = StoreConfiguration.indexIntervalBytesDefault

    /// - Parameter directory: the store's folder (the one holding catalog.json and streams/).
    public init(directory: String, fileSystem: any FileSystem = PosixFileSystem()) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    public func verify() throws -> VerificationReport {
        let streamsDirectory = FileSystemNames.join(directory, FileStreamStore.streamsFolderName)
        guard fileSystem.fileExists(atPath: streamsDirectory) else {
            throw VerificationFailure(
                description: "\(directory) holds no store (no \(FileStreamStore.streamsFolderName) folder)")
        }
        var report = VerificationReport()
        let catalogPath = FileSystemNames.join(directory, CatalogFile.fileName)
        if let bytes = try fileSystem.readWholeFile(atPath: catalogPath),
            (try? JSONSerialization.jsonObject(with: Data(bytes))) == nil
        {
            report.findings.append(
                VerificationFinding(
                    kind: .damage, shard: CatalogFile.fileName, fromPosition: 0, reason: "catalog is not valid JSON",
                    isRecorded: false))
        }
        for stream in try fileSystem.contentsOfDirectory(atPath: streamsDirectory).sorted() {
            let streamDirectory = FileSystemNames.join(streamsDirectory, stream)
            for shard in try fileSystem.contentsOfDirectory(atPath: streamDirectory).sorted() {
                try verifyShard(
                    FileSystemNames.join(streamDirectory, shard), named: "\(stream)/\(shard)", into: &report)
            }
        }
        return report
    }

    private func verifyShard(_ shardDirectory: String, named name: String, into report: inout VerificationReport)
        throws
    {
        report.shardCount += 1
        let holes = HoleFile.load(directory: shardDirectory, fileSystem: fileSystem) ?? []
        let positions = try fileSystem.contentsOfDirectory(atPath: shardDirectory)
            .compactMap(SegmentFileName.position(ofLog:)).sorted()
        var previous: (first: UInt64, next: UInt64, endsInDamage: Bool)?
        for (number, position) in positions.enumerated() {
            let file = try fileSystem.openFile(
                atPath: FileSystemNames.join(shardDirectory, SegmentFileName.log(position)), creating: false)
            let scan = try SegmentScanner.scan(
                file, firstPosition: position, fileSystem: fileSystem, indexIntervalBytes: indexIntervalBytes)
            report.segmentCount += 1
            report.bytesChecked += scan.fileBytes
            if let previous, previous.next < position, !previous.endsInDamage {
                report.findings.append(gap(from: previous.next, to: position, in: name, holes: holes))
            }
            let isLast = number == positions.count - 1
            for range in scan.damagedRanges {
                report.findings.append(
                    VerificationFinding(
                        kind: .damage, shard: name, segmentFirstPosition: position, startOffset: range.startOffset,
                        endOffset: range.endOffset, fromPosition: range.fromPosition,
                        toPosition: range.toPosition ?? (isLast ? nil : positions[number + 1]), reason: range.reason,
                        isRecorded: holes.contains {
                            $0.segmentFirstPosition == position && $0.startOffset == range.startOffset
                        }))
            }
            if let torn = scan.tornTailOffset {
                report.findings.append(
                    VerificationFinding(
                        kind: isLast ? .tornTail : .damage, shard: name, segmentFirstPosition: position,
                        startOffset: torn, endOffset: scan.fileBytes, fromPosition: scan.summary.nextPosition,
                        toPosition: isLast ? nil : positions[number + 1], reason: "data ends inside a frame",
                        isRecorded: holes.contains { $0.segmentFirstPosition == position && $0.startOffset == torn }))
            }
            let endsInDamage =
                scan.tornTailOffset != nil || scan.damagedRanges.last.map { $0.toPosition == nil } ?? false
            previous = (position, scan.summary.nextPosition, endsInDamage)
        }
    }

    /// Positions jumping between segments: expected when recorded as unused, damage (a lost segment) otherwise.
    private func gap(from: UInt64, to: UInt64, in name: String, holes: [PositionHole]) -> VerificationFinding {
        let recorded = holes.first { $0.fromPosition <= from && $0.toPosition >= to }
        let isUnused = recorded?.isUnusedPositions ?? false
        return VerificationFinding(
            kind: isUnused ? .unusedPositions : .damage, shard: name, fromPosition: from, toPosition: to,
            reason: recorded?.reason ?? PositionHole.missingBetweenSegments, isRecorded: recorded != nil)
    }
}
