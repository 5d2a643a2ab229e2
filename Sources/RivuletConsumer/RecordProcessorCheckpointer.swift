import RivuletLeases
import Synchronization

/// Records how far a shard's processing got, in the shard's lease. Given to the processor with every batch.
///
/// A checkpoint may name any record already delivered and not before the last checkpoint; `checkpoint()` with no
/// argument names the last record delivered, or the shard's end once `shardEnded` is called. Writes are
/// conditional on the lease still being this worker's: after a takeover they fail with `CheckpointError.leaseLost`.
public final class RecordProcessorCheckpointer: Sendable {
    public let shardId: String
    private let heldLease: HeldLease
    private let progress: Mutex<Progress>
    private let onCheckpoint: @Sendable (String, ExtendedSequenceNumber) -> Void

    private struct Progress {
        var lastDelivered: ExtendedSequenceNumber?
        var lastCheckpoint: ExtendedSequenceNumber
        var isAtShardEnd = false
    }

    init(
        heldLease: HeldLease, lastCheckpoint: ExtendedSequenceNumber,
        onCheckpoint: @escaping @Sendable (String, ExtendedSequenceNumber) -> Void
    ) {
        self.shardId = heldLease.shardId
        self.heldLease = heldLease
        self.progress = Mutex(Progress(lastCheckpoint: lastCheckpoint))
        self.onCheckpoint = onCheckpoint
    }

    /// The position last recorded (or the sentinel the shard started from).
    public var lastCheckpoint: ExtendedSequenceNumber { progress.withLock { $0.lastCheckpoint } }

    /// Checkpoints the last record delivered, or the shard's end once every record of a closed shard was delivered.
    public func checkpoint() async throws(CheckpointError) {
        let position: ExtendedSequenceNumber? = progress.withLock { state in
            state.isAtShardEnd ? .shardEnd : state.lastDelivered
        }
        guard let position else { return }
        try await record(position)
    }

    public func checkpoint(_ record: ConsumerRecord) async throws(CheckpointError) {
        try await checkpoint(sequenceNumber: record.sequenceNumber, subSequenceNumber: record.subSequenceNumber)
    }

    public func checkpoint(sequenceNumber: String, subSequenceNumber: Int64 = 0) async throws(CheckpointError) {
        let position = ExtendedSequenceNumber(sequenceNumber: sequenceNumber, subSequenceNumber: subSequenceNumber)
        try validate(position)
        try await record(position)
    }

    /// Stores a position as the lease's pending checkpoint without committing it (the KCL's two-phase checkpoint).
    public func prepareCheckpoint(sequenceNumber: String, subSequenceNumber: Int64 = 0) async throws(CheckpointError) {
        let position = ExtendedSequenceNumber(sequenceNumber: sequenceNumber, subSequenceNumber: subSequenceNumber)
        try validate(position)
        try await heldLease.prepareCheckpoint(position)
    }

    func delivered(upTo position: ExtendedSequenceNumber) {
        progress.withLock { $0.lastDelivered = position }
    }

    func reachedShardEnd() {
        progress.withLock { $0.isAtShardEnd = true }
    }

    private func validate(_ position: ExtendedSequenceNumber) throws(CheckpointError) {
        guard !position.isSentinel else {
            throw .invalidPosition(
                shardId: shardId, position: position, reason: "a checkpoint names a record's sequence number")
        }
        let state = progress.withLock { $0 }
        guard let lastDelivered = state.lastDelivered, SequenceOrder.isAtOrBefore(position, lastDelivered) else {
            throw .invalidPosition(
                shardId: shardId, position: position, reason: "the record has not been delivered yet")
        }
        if !state.lastCheckpoint.isSentinel, !SequenceOrder.isAtOrBefore(state.lastCheckpoint, position) {
            throw .invalidPosition(
                shardId: shardId, position: position,
                reason: "it is before the last checkpoint \(state.lastCheckpoint)")
        }
    }

    private func record(_ position: ExtendedSequenceNumber) async throws(CheckpointError) {
        try await heldLease.checkpoint(position)
        progress.withLock { $0.lastCheckpoint = position }
        onCheckpoint(shardId, position)
    }
}
