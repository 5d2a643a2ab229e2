import RivuletWire

/// What came of one PutRecords call.
enum BatchOutcome: Sendable {
    /// Kinesis answered with one result per record, in order.
    case answered([PutRecordsResultEntry])
    /// The call failed as a whole; `refreshShardMap` when the failure suggests the shard map is stale.
    case failed(ProducerAttemptError, refreshShardMap: Bool)
    /// The call was cancelled with `run()`.
    case cancelled
}
