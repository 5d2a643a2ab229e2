import Logging
import RivuletCore
import Synchronization

/// One shard's append-only log: a folder of segment files, each with a sparse index once it is closed.
///
/// Only the commit pipeline's queue writes (append, roll, retention, close and delete marks); readers call from any
/// task. Readers take a short lock to find a segment and copy what they need (a summary, a file reference, an index
/// offset), then read with pread outside the lock. What readers see is only ever published after the data was
/// written and made as durable as the fsync policy asks, so a read never returns an unacknowledged record.
final class ShardLog: Sendable {
    /// The segment being appended to, with its whole sparse index in memory (bounded by the segment size).
    struct ActiveSegment: Sendable {
        var summary: SegmentSummary
        var index: SegmentIndex
        let file: OpenFile
    }

    struct State: Sendable {
        /// Older segments in position order; only their summaries are kept, their indexes live in files.
        var closedSegments: [SegmentSummary]
        var active: ActiveSegment
        /// Set when a reshard closes the shard: appends are refused from then on.
        var refusesAppends = false
        /// Set when the stream is deleted: appends still queued fail with `streamNotFound`.
        var isDeleted = false
        /// Recorded holes in position order (a copy of holes.json), bounded by `Limits.shardHolesMax`.
        var holes: [PositionHole] = []
        /// Holes a reader has already warned about, so that each is logged once however often it is stepped over.
        var warnedHoles: Set<PositionHole> = []
        /// What reserved-positions holds: no position at or above it was handed out. Nil while the folder has none.
        var reservation: ReservationFile.Contents?

        var trimHorizonPosition: UInt64 { closedSegments.first?.firstPosition ?? active.summary.firstPosition }

        var lastArrivalMilliseconds: Int64? {
            // A segment holding only damaged bytes has no arrival time; the one before it still bounds new ones.
            active.summary.lastArrivalMilliseconds
                ?? closedSegments.last { $0.lastArrivalMilliseconds != nil }?.lastArrivalMilliseconds
        }

        var storedBytes: Int64 { closedSegments.reduce(active.summary.bytes) { $0 + $1.bytes } }
    }

    /// Where the commit pipeline writes the next frames of this shard.
    struct WriteTarget {
        let file: OpenFile
        let offset: Int64
        let nextPosition: UInt64
        let lastArrivalMilliseconds: Int64?
    }

    let stream: StreamKey
    let shardIndex: Int
    let directory: String
    let environment: ShardLogEnvironment
    let state: Mutex<State>
    /// Serialises writers of holes.json (readers that find damage, retention), outside the state lock so that a
    /// file write never holds up appends.
    let holeRecording = Mutex(())

    init(stream: StreamKey, shardIndex: Int, directory: String, environment: ShardLogEnvironment, state: State) {
        self.stream = stream
        self.shardIndex = shardIndex
        self.directory = directory
        self.environment = environment
        self.state = Mutex(state)
    }

    var fileSystem: any FileSystem { environment.fileSystem }
    var configuration: StoreConfiguration { environment.configuration }

    /// Creates the folder and the first, empty segment of a new shard.
    static func create(
        stream: StreamKey, shardIndex: Int, directory: String, environment: ShardLogEnvironment,
        firstPosition: UInt64 = 0
    ) throws -> ShardLog {
        let fileSystem = environment.fileSystem
        try fileSystem.createDirectory(atPath: directory)
        let file = try fileSystem.openFile(
            atPath: FileSystemNames.join(directory, SegmentFileName.log(firstPosition)), creating: true)
        try fileSystem.truncate(file, toBytes: 0)
        try fileSystem.synchronizeDirectory(atPath: directory)
        try fileSystem.synchronizeDirectory(atPath: FileSystemNames.parent(of: directory))
        let active = ActiveSegment(
            summary: .empty(at: firstPosition),
            index: SegmentIndex(intervalBytes: environment.configuration.indexIntervalBytes),
            file: file)
        return ShardLog(
            stream: stream, shardIndex: shardIndex, directory: directory, environment: environment,
            state: State(closedSegments: [], active: active))
    }

    var shardState: ShardState {
        state.withLock { state in
            ShardState(
                trimHorizonPosition: state.trimHorizonPosition, nextPosition: state.active.summary.nextPosition,
                lastArrivalMilliseconds: state.lastArrivalMilliseconds)
        }
    }

    var storedBytes: Int64 { state.withLock { $0.storedBytes } }

    func segmentPath(_ firstPosition: UInt64) -> String {
        FileSystemNames.join(directory, SegmentFileName.log(firstPosition))
    }

    func indexPath(_ firstPosition: UInt64) -> String {
        FileSystemNames.join(directory, SegmentFileName.index(firstPosition))
    }

    // MARK: Commit pipeline only

    /// Refuses appends from now on (a reshard closed the shard); returns the position the shard ends at.
    func refuseAppends() -> UInt64 {
        state.withLock { state in
            state.refusesAppends = true
            return state.active.summary.nextPosition
        }
    }

    /// Undoes `refuseAppends` when the catalog change that closed the shard could not be persisted.
    func acceptAppends() {
        state.withLock { $0.refusesAppends = false }
    }

    func markDeleted() {
        state.withLock { $0.isDeleted = true }
    }

    /// Checks that the shard takes appends, rolls the active segment if it is full or old, and says where to write.
    func beginWrite(nowMilliseconds: Int64) throws -> WriteTarget {
        let (active, refusesAppends, isDeleted) = state.withLock { ($0.active, $0.refusesAppends, $0.isDeleted) }
        if isDeleted { throw StorageError.streamNotFound(stream) }
        if refusesAppends { throw StorageError.shardClosed(stream, shardIndex: shardIndex) }
        if rollIsDue(active.summary, nowMilliseconds: nowMilliseconds) {
            try roll()
        }
        return state.withLock { state in
            WriteTarget(
                file: state.active.file, offset: state.active.summary.bytes,
                nextPosition: state.active.summary.nextPosition,
                lastArrivalMilliseconds: state.lastArrivalMilliseconds)
        }
    }

    private func rollIsDue(_ summary: SegmentSummary, nowMilliseconds: Int64) -> Bool {
        guard !summary.isEmpty else { return false }
        if summary.bytes >= configuration.segmentBytesMax { return true }
        guard let firstArrival = summary.firstArrivalMilliseconds else { return false }
        return nowMilliseconds - firstArrival >= configuration.segmentAgeMillisecondsMax
    }

    /// Makes frames written at the end of the active segment visible to readers.
    func publish(_ frames: [(header: FrameHeader, offset: Int64)]) {
        state.withLock { state in
            for frame in frames {
                precondition(frame.offset == state.active.summary.bytes, "frames are published in file order")
                precondition(frame.header.firstPosition == state.active.summary.nextPosition, "positions are dense")
                state.active.index.noteFrame(frame.header, at: frame.offset)
                state.active.summary.add(frame.header)
            }
        }
    }

    /// Cuts the active segment back to its published end after a failed write or sync, so that the bytes of an
    /// unacknowledged append can never be recovered later as records.
    func discardUnpublished(in file: OpenFile) {
        let publishedBytes = state.withLock { $0.active.file === file ? $0.active.summary.bytes : nil }
        guard let publishedBytes else { return }
        do {
            try fileSystem.truncate(file, toBytes: publishedBytes)
        } catch {
            // The next append overwrites from the published end, and recovery would drop or replace the tail.
            environment.logger.error(
                "could not truncate segment after a failed append",
                metadata: ["file.path": "\(file.path)", "error": "\(error)"])
        }
    }

    /// Closes the active segment and starts an empty one at the next position. The new file is created (and its
    /// directory entry made durable) before anything refers to it; the old segment's index file is best effort,
    /// since recovery rebuilds a missing or damaged one.
    func roll() throws {
        let old = state.withLock { $0.active }
        guard !old.summary.isEmpty else { return }
        if configuration.fsyncPolicy != .always {
            try fileSystem.synchronize(old.file)
        }
        let first = old.summary.nextPosition
        let file = try fileSystem.openFile(atPath: segmentPath(first), creating: true)
        try fileSystem.truncate(file, toBytes: 0)
        try fileSystem.synchronizeDirectory(atPath: directory)
        writeIndexFile(old.summary, old.index)
        environment.indexCache.insert(old.index, forSegmentAt: segmentPath(old.summary.firstPosition))
        state.withLock { state in
            state.closedSegments.append(old.summary)
            state.active = ActiveSegment(
                summary: .empty(at: first), index: SegmentIndex(intervalBytes: configuration.indexIntervalBytes),
                file: file)
        }
    }

    func writeIndexFile(_ summary: SegmentSummary, _ index: SegmentIndex) {
        Self.writeIndexFile(summary, index, directory: directory, environment: environment)
    }

    static func writeIndexFile(
        _ summary: SegmentSummary, _ index: SegmentIndex, directory: String, environment: ShardLogEnvironment
    ) {
        let path = FileSystemNames.join(directory, SegmentFileName.index(summary.firstPosition))
        let bytes = IndexFile.encode(summary, index)
        let fileSystem = environment.fileSystem
        do {
            let file = try fileSystem.openFile(atPath: path, creating: true)
            try fileSystem.truncate(file, toBytes: 0)
            try bytes.withUnsafeBytes { try fileSystem.write($0, to: file, at: 0) }
        } catch {
            environment.logger.warning(
                "could not write segment index; it will be rebuilt on open",
                metadata: ["file.path": "\(path)", "error": "\(error)"])
        }
    }

    /// Makes everything written to the active segment durable (used by `close` and by interval syncs).
    func synchronizeActive() throws {
        let file = state.withLock { $0.active.file }
        try fileSystem.synchronize(file)
    }
}
