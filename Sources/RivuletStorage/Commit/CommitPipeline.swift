import Dispatch
import Logging
import RivuletCore
import Synchronization

/// The single writer of a store: a serial queue that runs commit rounds (group commit) and every other change to
/// the files (catalog updates, segment creation, retention, deletion), so that none of them interleave.
///
/// Callers enqueue appends without blocking and suspend until their round is durable. While one round is being
/// written and synced, new appends collect in the queue; the next round takes them all, so one fdatasync is shared
/// by every append that arrived during the previous one. The queue's threads are outside Swift's cooperative pool,
/// so blocking I/O there does not starve tasks.
final class CommitPipeline: Sendable {
    /// State touched only by work running on `queue`; the lock is never contended, it makes that confinement checkable.
    private struct Writer {
        /// Reused for every shard of every round, so encoding allocates nothing once warm.
        var staging: [UInt8] = []
        /// Files written but not yet fdatasynced (`interval` policy), by identity.
        var unsynchronized: [ObjectIdentifier: OpenFile] = [:]
        var isSyncScheduled = false
    }

    private let queue = DispatchQueue(label: "rivulet.storage.commit", qos: .userInitiated)
    private let pending = Mutex(PendingAppends())
    private let writer = Mutex(Writer())
    private let fileSystem: any FileSystem
    private let configuration: StoreConfiguration
    private let clock: any WallClock
    private let logger: Logger

    init(fileSystem: any FileSystem, configuration: StoreConfiguration, clock: any WallClock, logger: Logger) {
        self.fileSystem = fileSystem
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// Queues an append without suspending, so a caller can queue it while holding its own lock; the request's
    /// continuation is resumed when its round is durable (or at once with `StorageError.closed` after shutdown).
    func enqueue(_ request: AppendRequest) {
        switch pending.withLock({ $0.enqueue(request) }) {
        case .startDrain: queue.async { self.drain() }
        case .none: break
        case .refuse: request.continuation.resume(throwing: StorageError.closed)
        }
    }

    /// Commit queue only (inside `perform`): commits every append queued so far, now, ahead of the work that called
    /// it. A reshard uses it so that appends accepted before it closed a shard land before that shard's end.
    func commitQueuedAppends() {
        dispatchPrecondition(condition: .onQueue(queue))
        // Only what is queued now: appends arriving meanwhile wait for the drain, so this ends under any load.
        var remaining = pending.withLock { $0.queuedCount }
        while remaining > 0 {
            let round = pending.withLock {
                $0.takeQueued(bytesMax: configuration.commitRoundBytesMax, countMax: remaining)
            }
            if round.isEmpty { return }
            remaining -= round.count
            commit(round)
        }
    }

    /// Runs `work` on the writer queue, between commit rounds.
    func perform<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                if self.pending.withLock({ $0.isShutDown }) {
                    continuation.resume(throwing: StorageError.closed)
                } else {
                    continuation.resume(with: Swift.Result { try work() })
                }
            }
        }
    }

    /// Commits what is queued, makes every written file durable, and refuses all later work.
    func shutDown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                let remaining = self.pending.withLock { $0.shutDown() }
                if !remaining.isEmpty { self.commit(remaining) }
                self.synchronizeWrittenFiles()
                continuation.resume()
            }
        }
    }

    /// Commits one round, then queues the next behind whatever else is waiting (catalog changes, retention), so that
    /// sustained appends cannot starve them.
    private func drain() {
        let round = pending.withLock { $0.takeRound(bytesMax: configuration.commitRoundBytesMax) }
        if round.isEmpty { return }
        commit(round)
        queue.async { self.drain() }
    }

    private func commit(_ requests: [AppendRequest]) {
        let now = clock.nowMilliseconds()
        let policy = configuration.fsyncPolicy
        let scheduleSync = writer.withLock { writer -> Bool in
            var round = CommitRound(requests)
            let written = round.run(
                nowMilliseconds: now, policy: policy, fileSystem: fileSystem, staging: &writer.staging)
            guard case .interval = policy, !written.isEmpty else { return false }
            for file in written { writer.unsynchronized[ObjectIdentifier(file)] = file }
            defer { writer.isSyncScheduled = true }
            return !writer.isSyncScheduled
        }
        if scheduleSync, case .interval(let milliseconds) = policy {
            queue.asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { self.synchronizeWrittenFiles() }
        }
    }

    /// The `interval` policy's background sync. Its callers were acknowledged already, so a failure can only be
    /// reported; the files stay queued for the next attempt.
    private func synchronizeWrittenFiles() {
        writer.withLock { writer in
            writer.isSyncScheduled = false
            for (identity, file) in writer.unsynchronized {
                do {
                    try fileSystem.synchronize(file)
                    writer.unsynchronized[identity] = nil
                } catch {
                    logger.error(
                        "background fdatasync failed", metadata: ["file.path": "\(file.path)", "error": "\(error)"])
                }
            }
        }
    }
}
