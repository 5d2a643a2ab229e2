import RivuletLeases

/// Why a checkpoint was not recorded.
public enum CheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another worker holds the shard now; the records will be processed again there from its last checkpoint.
    case leaseLost(shardId: String)
    /// The position is not one the processor was given (beyond the last delivered record, or before the last
    /// checkpoint), or SHARD_END before the shard's end.
    case invalidPosition(shardId: String, position: ExtendedSequenceNumber, reason: String)
    /// The lease store failed; the checkpoint may be retried.
    case storeUnavailable(shardId: String, reason: String)

    public var description: String {
        switch self {
        case .leaseLost(let shardId): "the lease on \(shardId) was lost; the checkpoint was not recorded"
        case .invalidPosition(let shardId, let position, let reason):
            "cannot checkpoint \(shardId) at \(position): \(reason)"
        case .storeUnavailable(let shardId, let reason): "checkpoint of \(shardId) failed: \(reason)"
        }
    }
}
