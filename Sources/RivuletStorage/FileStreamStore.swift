// The file store's layout, frame format, durability contract, recovery and retention are described in
// docs/ARCHITECTURE.md ("Storage"); keep the two in step.

import Logging
import RivuletCore
import Synchronization

/// The durable, embedded `StreamStore`: one append-only log per shard on the local file system.
public final class FileStreamStore: StreamStore {
    private struct OpenStream {
        let directory: String
        var shards: [Int: ShardLog]
        /// Shards a reshard is closing right now: new appends to them are refused (after the reshard completes),
        /// while the appends accepted before are committed ahead of the shards' end.
        var closingShards: Set<Int> = []
    }

    /// An append refused because a reshard is closing one of its shards.
    private struct ShardClosing: Error {
        let shardIndex: Int
    }

    private struct State {
        var descriptors: [StreamKey: StreamDescriptor] = [:]
        var streams: [StreamKey: OpenStream] = [:]
        var isClosed = false
    }

    static let streamsFolderName = "streams"
    /// The file whose lock says which process owns the store's folder.
    public static let lockFileName = "rivulet.lock"
    private static let millisecondsPerHour: Int64 = 3_600_000

    private let state: Mutex<State>
    private let catalog: CatalogFile
    private let streamsDirectory: String
    private let environment: ShardLogEnvironment
    private let pipeline: CommitPipeline
    private let updateGate = AsyncGate()
    /// Held from open to close: two processes appending to the same logs would corrupt each other unnoticed.
    private let ownerLock: Mutex<OwnerLock?>

    private var fileSystem: any FileSystem { environment.fileSystem }
    private var logger: Logger { environment.logger }

    private init(
        state: State, catalog: CatalogFile, streamsDirectory: String, environment: ShardLogEnvironment,
        pipeline: CommitPipeline, ownerLock: OwnerLock
    ) {
        self.ownerLock = Mutex(ownerLock)
        self.state = Mutex(state)
        self.catalog = catalog
        self.streamsDirectory = streamsDirectory
        self.environment = environment
        self.pipeline = pipeline
    }

    /// Opens (creating if needed) the store in `directory`, recovering every shard's log. Throws
    /// `OwnerLockError.held`, naming the holder's pid, when another process (or another open store) has the folder.
    public static func open(
        directory: String, configuration: StoreConfiguration = StoreConfiguration(),
        clock: any WallClock = SystemClock(), fileSystem: any FileSystem = PosixFileSystem(), logger: Logger
    ) async throws -> FileStreamStore {
        let streamsDirectory = FileSystemNames.join(directory, streamsFolderName)
        try fileSystem.createDirectory(atPath: streamsDirectory)
        // Taken before recovery touches a file: recovery writes (holes, index files, a new active segment).
        let ownerLock = try OwnerLock.acquire(path: FileSystemNames.join(directory, lockFileName))
        let environment = ShardLogEnvironment(
            fileSystem: fileSystem, configuration: configuration,
            indexCache: IndexCache(capacity: configuration.indexCacheSegmentsMax), logger: logger)
        let catalog = CatalogFile(directory: directory, fileSystem: fileSystem)
        var state = State()
        var folderNames: Set<String> = []
        for descriptor in try catalog.load() {
            let folderName = StreamDirectoryName.of(descriptor)
            folderNames.insert(folderName)
            let streamDirectory = FileSystemNames.join(streamsDirectory, folderName)
            try removeUnknownShardFolders(in: streamDirectory, of: descriptor, environment)
            var shards: [Int: ShardLog] = [:]
            for shard in descriptor.shards {
                shards[shard.index] = try ShardRecovery.open(
                    stream: descriptor.key, shardIndex: shard.index,
                    directory: FileSystemNames.join(streamDirectory, StreamDirectoryName.shard(shard.index)),
                    environment: environment, closedAtPosition: shard.closedAtPosition)
            }
            state.descriptors[descriptor.key] = descriptor
            state.streams[descriptor.key] = OpenStream(directory: streamDirectory, shards: shards)
        }
        try removeUnknownStreamFolders(in: streamsDirectory, keeping: folderNames, environment)
        logger.info(
            "file stream store opened",
            metadata: [
                "file.path": "\(directory)", "streams.count": "\(state.descriptors.count)",
                "fsync.policy": "\(configuration.fsyncPolicy)",
            ])
        return FileStreamStore(
            state: state, catalog: catalog, streamsDirectory: streamsDirectory, environment: environment,
            pipeline: CommitPipeline(fileSystem: fileSystem, configuration: configuration, clock: clock, logger: logger),
            ownerLock: ownerLock)
    }

    /// Folders left by a delete that was interrupted after the catalog dropped the stream.
    private static func removeUnknownStreamFolders(
        in streamsDirectory: String, keeping knownNames: Set<String>, _ environment: ShardLogEnvironment
    ) throws {
        for name in try environment.fileSystem.contentsOfDirectory(atPath: streamsDirectory)
        where !knownNames.contains(name) {
            let path = FileSystemNames.join(streamsDirectory, name)
            environment.logger.warning(
                "removing folder of a stream no longer in the catalog", metadata: ["file.path": "\(path)"])
            try environment.fileSystem.removeTree(atPath: path)
        }
    }

    /// Shard folders a reshard created before a crash kept it from reaching the catalog.
    private static func removeUnknownShardFolders(
        in streamDirectory: String, of descriptor: StreamDescriptor, _ environment: ShardLogEnvironment
    ) throws {
        let knownNames = Set(descriptor.shards.map { StreamDirectoryName.shard($0.index) })
        for name in try environment.fileSystem.contentsOfDirectory(atPath: streamDirectory)
        where !knownNames.contains(name) {
            let path = FileSystemNames.join(streamDirectory, name)
            environment.logger.warning(
                "removing folder of a shard no longer in the catalog", metadata: ["file.path": "\(path)"])
            try environment.fileSystem.removeTree(atPath: path)
        }
    }

    // MARK: Catalog

    public func streams() async throws -> [StreamDescriptor] {
        try state.withLock { state in
            guard !state.isClosed else { throw StorageError.closed }
            return Array(state.descriptors.values)
        }
    }

    public func stream(_ key: StreamKey) async throws -> StreamDescriptor? {
        try state.withLock { state in
            guard !state.isClosed else { throw StorageError.closed }
            return state.descriptors[key]
        }
    }

    public func createStream(_ descriptor: StreamDescriptor) async throws {
        try checkOpen()
        try await pipeline.perform { [self] in
            let key = descriptor.key
            guard state.withLock({ $0.descriptors[key] }) == nil else { throw StorageError.streamExists(key) }
            let directory = FileSystemNames.join(streamsDirectory, StreamDirectoryName.of(descriptor))
            // Not in the catalog, so anything already there is left over from an earlier failure.
            try fileSystem.removeTree(atPath: directory)
            do {
                let shards = try createLogs(for: descriptor.shards, of: key, in: directory)
                try catalog.store(state.withLock { Array($0.descriptors.values) } + [descriptor])
                state.withLock { state in
                    state.descriptors[key] = descriptor
                    state.streams[key] = OpenStream(directory: directory, shards: shards)
                }
            } catch {
                try? fileSystem.removeTree(atPath: directory)
                throw error
            }
        }
    }

    @discardableResult
    public func updateStream(
        _ key: StreamKey, _ change: @Sendable (inout StreamDescriptor) throws -> Void
    ) async throws -> StreamDescriptor {
        try checkOpen()
        // The gate serialises updates from reading the descriptor to persisting the change; the change itself runs
        // here, in the caller, and only the resulting descriptor goes to the commit queue.
        return try await updateGate.withGate {
            guard let before = state.withLock({ $0.descriptors[key] }) else { throw StorageError.streamNotFound(key) }
            var after = before
            try change(&after)
            precondition(after.key == key, "updateStream must not change a stream's key")
            if after == before { return after }
            let proposed = after
            return try await pipeline.perform { [self] in try commitUpdate(from: before, to: proposed) }
        }
    }

    /// Commit queue only: persists a changed descriptor, closing shards at their true end and creating logs for new
    /// shards; on any failure the store is left exactly as it was.
    private func commitUpdate(from before: StreamDescriptor, to proposed: StreamDescriptor) throws -> StreamDescriptor {
        let key = before.key
        // Only a delete can have run since the caller read `before`: updates are serialised by the gate.
        guard let openStream = state.withLock({ $0.streams[key] }) else { throw StorageError.streamNotFound(key) }
        var after = proposed
        let closingIndices = Set(
            after.shards.filter { !$0.isOpen && (before.shard(index: $0.index)?.isOpen ?? false) }.map(\.index))
        if !closingIndices.isEmpty {
            // From here on appends to these shards are refused; those accepted before are queued already (appends
            // are queued under the same lock), so commit them now and the shards end after their last record.
            state.withLock { $0.streams[key]?.closingShards.formUnion(closingIndices) }
            pipeline.commitQueuedAppends()
        }
        defer {
            if !closingIndices.isEmpty {
                state.withLock { $0.streams[key]?.closingShards.subtract(closingIndices) }
            }
        }
        var closing: [ShardLog] = []
        for number in after.shards.indices where closingIndices.contains(after.shards[number].index) {
            guard let log = openStream.shards[after.shards[number].index] else { continue }
            // The store knows where the shard really ends, whatever the change proposed.
            after.shards[number].closedAtPosition = log.refuseAppends()
            closing.append(log)
        }
        let added = after.shards.filter { before.shard(index: $0.index) == nil }
        let removed = before.shards.filter { after.shard(index: $0.index) == nil }.compactMap {
            openStream.shards[$0.index]
        }
        var created: [Int: ShardLog] = [:]
        do {
            if environment.configuration.fsyncPolicy != .always {
                // A closed shard's recorded end must never be beyond what a crash of the machine keeps.
                for log in closing { try log.synchronizeActive() }
            }
            created = try createLogs(for: added, of: key, in: openStream.directory)
            try catalog.store(state.withLock { Array($0.descriptors.values.filter { $0.key != key }) } + [after])
        } catch {
            closing.forEach { $0.acceptAppends() }
            for log in created.values { try? fileSystem.removeTree(atPath: log.directory) }
            throw error
        }
        state.withLock { state in
            state.descriptors[key] = after
            state.streams[key]?.shards.merge(created) { existing, _ in existing }
            for log in removed { state.streams[key]?.shards[log.shardIndex] = nil }
        }
        for log in removed { removeFiles(of: log) }
        return after
    }

    public func deleteStream(_ key: StreamKey) async throws {
        try checkOpen()
        try await pipeline.perform { [self] in
            let openStream = state.withLock { $0.streams[key] }
            guard let openStream else { throw StorageError.streamNotFound(key) }
            try catalog.store(state.withLock { Array($0.descriptors.values.filter { $0.key != key }) })
            state.withLock { state in
                state.descriptors[key] = nil
                state.streams[key] = nil
            }
            openStream.shards.values.forEach { $0.markDeleted() }
            do {
                try fileSystem.removeTree(atPath: openStream.directory)
            } catch {
                logger.error(
                    "could not remove a deleted stream's files; they are removed on the next open",
                    metadata: ["file.path": "\(openStream.directory)", "error": "\(error)"])
            }
        }
    }

    private func createLogs(
        for shards: [ShardDescriptor], of key: StreamKey, in directory: String
    ) throws -> [Int: ShardLog] {
        var logs: [Int: ShardLog] = [:]
        for shard in shards {
            logs[shard.index] = try ShardLog.create(
                stream: key, shardIndex: shard.index,
                directory: FileSystemNames.join(directory, StreamDirectoryName.shard(shard.index)),
                environment: environment)
        }
        return logs
    }

    private func removeFiles(of log: ShardLog) {
        log.markDeleted()
        do {
            try fileSystem.removeTree(atPath: log.directory)
        } catch {
            logger.error(
                "could not remove a removed shard's files",
                metadata: ["file.path": "\(log.directory)", "error": "\(error)"])
        }
    }

    // MARK: Records

    public func append(_ key: StreamKey, _ batches: [ShardAppend]) async throws -> [AppendReceipt] {
        guard !batches.isEmpty else { return [] }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                do {
                    // Checked and queued under one lock: a reshard marks the shards it closes under this lock too,
                    // so every append is either queued before the mark (and lands before the shard's end) or
                    // refused after it, whole, with nothing written.
                    try state.withLock { state in
                        let logs = try admit(batches, to: key, state)
                        pipeline.enqueue(AppendRequest(batches: batches, logs: logs, continuation: continuation))
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        } catch let closing as ShardClosing {
            // Answer once the reshard has finished, so that the caller, routing again, sees the new shards.
            try await pipeline.perform {}
            throw StorageError.shardClosed(key, shardIndex: closing.shardIndex)
        }
    }

    private func admit(_ batches: [ShardAppend], to key: StreamKey, _ state: State) throws -> [ShardLog] {
        guard !state.isClosed else { throw StorageError.closed }
        guard let descriptor = state.descriptors[key], let openStream = state.streams[key] else {
            throw StorageError.streamNotFound(key)
        }
        return try batches.map { batch in
            precondition(!batch.records.isEmpty, "an append batch holds at least one record")
            guard let shard = descriptor.shard(index: batch.shardIndex), let log = openStream.shards[shard.index]
            else { throw StorageError.shardNotFound(key, shardIndex: batch.shardIndex) }
            guard shard.isOpen else { throw StorageError.shardClosed(key, shardIndex: batch.shardIndex) }
            guard !openStream.closingShards.contains(shard.index) else { throw ShardClosing(shardIndex: shard.index) }
            return log
        }
    }

    public func read(
        _ key: StreamKey, shardIndex: Int, from position: UInt64, recordLimit: Int, byteLimit: Int
    ) async throws -> ShardReadResult {
        try log(key, shardIndex).read(from: position, recordLimit: recordLimit, byteLimit: byteLimit)
    }

    public func position(_ key: StreamKey, shardIndex: Int, atTimestamp milliseconds: Int64) async throws -> UInt64 {
        try log(key, shardIndex).position(atTimestamp: milliseconds)
    }

    public func shardState(_ key: StreamKey, shardIndex: Int) async throws -> ShardState {
        try log(key, shardIndex).shardState
    }

    private func log(_ key: StreamKey, _ shardIndex: Int) throws -> ShardLog {
        try state.withLock { state in
            guard !state.isClosed else { throw StorageError.closed }
            guard let openStream = state.streams[key] else { throw StorageError.streamNotFound(key) }
            guard let log = openStream.shards[shardIndex] else {
                throw StorageError.shardNotFound(key, shardIndex: shardIndex)
            }
            return log
        }
    }

    // MARK: Housekeeping

    @discardableResult
    public func enforceRetention(nowMilliseconds: Int64) async throws -> Int64 {
        try checkOpen()
        return try await pipeline.perform { [self] in
            let work = state.withLock { state in
                state.descriptors.values.compactMap { descriptor -> (Int64, [ShardLog])? in
                    guard let openStream = state.streams[descriptor.key] else { return nil }
                    let cutoff = nowMilliseconds - Int64(descriptor.retentionHours) * Self.millisecondsPerHour
                    return (cutoff, Array(openStream.shards.values))
                }
            }
            var freedBytes: Int64 = 0
            var firstFailure: (any Error)?
            for (cutoff, logs) in work {
                for log in logs {
                    do {
                        freedBytes += try log.removeSegments(arrivedBefore: cutoff)
                    } catch {
                        logger.error(
                            "retention failed for a shard",
                            metadata: ["file.path": "\(log.directory)", "error": "\(error)"])
                        firstFailure = firstFailure ?? error
                    }
                }
            }
            if let firstFailure { throw firstFailure }
            return freedBytes
        }
    }

    public func storedBytes() async -> Int64 {
        let logs = state.withLock { $0.streams.values.flatMap { $0.shards.values } }
        return logs.reduce(0) { $0 + $1.storedBytes }
    }

    public func close() async throws {
        let logs: [ShardLog]? = state.withLock { state in
            guard !state.isClosed else { return nil }
            state.isClosed = true
            return state.streams.values.flatMap { $0.shards.values }
        }
        guard let logs else { return }
        defer { ownerLock.withLock { $0 = nil } }
        await pipeline.shutDown()
        if environment.configuration.fsyncPolicy != .always {
            for log in logs { try log.synchronizeActive() }
        }
        // Only after the data is durable: the exact next position stands for a clean shutdown. A shard whose mark
        // cannot be written keeps its reservation, which is only less exact.
        for log in logs {
            do {
                try log.recordCleanClose()
            } catch {
                logger.warning(
                    "could not record the clean close of a shard",
                    metadata: ["file.path": "\(log.directory)", "error": "\(error)"])
            }
        }
        state.withLock { $0.streams.removeAll() }
        logger.info("file stream store closed", metadata: ["file.path": "\(catalog.directory)"])
    }

    private func checkOpen() throws {
        if state.withLock({ $0.isClosed }) { throw StorageError.closed }
    }
}
