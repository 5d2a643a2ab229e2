import RivuletLeases

/// The application's code for one shard, as the KCL's ShardRecordProcessor. The scheduler creates one per shard
/// lease it holds and calls it from one task, in this order: `initialize`, then `processRecords` for each batch, then
/// exactly one of `leaseLost` (another worker took the shard), `shardEnded` (the shard was closed by a reshard and
/// fully read) or `shutdownRequested` (this worker is stopping).
///
/// Delivery is at least once: records after the last checkpoint are delivered again to whichever worker processes
/// the shard next.
public protocol ShardRecordProcessor: AnyObject {
    func initialize(_ input: InitializationInput) async throws
    func processRecords(_ input: ProcessRecordsInput) async throws
    /// The lease is gone; checkpointing is no longer possible.
    func leaseLost() async
    /// Every record of the shard was delivered. Call `checkpointer.checkpoint()` here: until the shard's end is
    /// checkpointed its children are not started, and the call is repeated.
    func shardEnded(_ input: ShardEndedInput) async throws
    /// The worker is stopping; checkpoint what was processed so the next owner resumes there.
    func shutdownRequested(_ input: ShutdownRequestedInput) async throws
}

public struct InitializationInput: Sendable {
    public var shardId: String
    /// Where processing resumes: the lease's checkpoint (a sentinel for a shard never checkpointed).
    public var extendedSequenceNumber: ExtendedSequenceNumber
    public var pendingCheckpoint: ExtendedSequenceNumber?
}

public struct ProcessRecordsInput: Sendable {
    public var shardId: String
    public var records: [ConsumerRecord]
    /// How far the shard's newest record is ahead of the last one returned, as GetRecords reported it.
    public var millisBehindLatest: Int64?
    public var checkpointer: RecordProcessorCheckpointer
}

public struct ShardEndedInput: Sendable {
    public var shardId: String
    public var checkpointer: RecordProcessorCheckpointer
}

public struct ShutdownRequestedInput: Sendable {
    public var shardId: String
    public var checkpointer: RecordProcessorCheckpointer
}
