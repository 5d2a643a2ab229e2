import RivuletCore
import RivuletLeases
import Synchronization

/// A lease this worker holds, with the counter its last write returned. Every write to it (renewal, checkpoint,
/// eviction) passes through one gate so each is conditional on the counter the previous one produced; the first
/// write the store refuses marks the lease lost for good.
final class HeldLease: Sendable {
    let shardId: String
    private let store: any LeaseStore
    private let gate = AsyncGate()
    private let state: Mutex<State>

    private struct State {
        var lease: Lease
        var isLost = false
        var isFinished = false
    }

    init(_ lease: Lease, store: any LeaseStore) {
        self.shardId = lease.leaseKey
        self.store = store
        self.state = Mutex(State(lease: lease))
    }

    var lease: Lease { state.withLock { $0.lease } }
    var isLost: Bool { state.withLock { $0.isLost } }
    /// True once the shard's consumer has returned: the worker stops renewing the lease.
    var isFinished: Bool { state.withLock { $0.isFinished } }

    func finish() {
        state.withLock { $0.isFinished = true }
    }

    /// Renews the lease; false once it is lost. A store failure is thrown and leaves the lease as it was, so a
    /// brief outage does not give shards up (they expire for others only if renewals keep failing).
    func renew() async throws -> Bool {
        try await write { try await store.renewLease($0) }
    }

    func checkpoint(_ position: ExtendedSequenceNumber) async throws(CheckpointError) {
        let recorded: Bool
        do {
            recorded = try await write { try await store.updateCheckpoint($0, checkpoint: position) }
        } catch {
            throw .storeUnavailable(shardId: shardId, reason: "\(error)")
        }
        guard recorded else { throw .leaseLost(shardId: shardId) }
    }

    func prepareCheckpoint(_ position: ExtendedSequenceNumber?) async throws(CheckpointError) {
        let recorded: Bool
        do {
            recorded = try await write { try await store.updatePendingCheckpoint($0, pendingCheckpoint: position) }
        } catch {
            throw .storeUnavailable(shardId: shardId, reason: "\(error)")
        }
        guard recorded else { throw .leaseLost(shardId: shardId) }
    }

    func recordChildren(_ childShardIds: [String]) async throws -> Bool {
        try await write { try await store.updateChildShardIds($0, childShardIds: childShardIds) }
    }

    /// Gives the lease up so another worker can take it at once instead of waiting for it to expire.
    func release() async throws {
        _ = try await write { try await store.evictLease($0) }
        state.withLock { $0.isLost = true }
    }

    /// Marks the lease lost without writing: another worker took it, as seen in a listing.
    func markLost() {
        state.withLock { $0.isLost = true }
    }

    private func write(_ operation: (Lease) async throws -> Lease?) async throws -> Bool {
        try await gate.withGate {
            let current = state.withLock { $0.isLost ? nil : $0.lease }
            guard let current else { return false }
            guard let written = try await operation(current) else {
                state.withLock { $0.isLost = true }
                return false
            }
            state.withLock { $0.lease = written }
            return true
        }
    }
}
