/// Where the agent keeps its flows and its files' checkpoints. `SQLiteCheckpointStore` is the real one (the file
/// `rivulet agent status` reads too); `InMemoryCheckpointStore` is its twin for tests, and one conformance suite
/// runs against both.
public protocol CheckpointStore: Sendable {
    /// The flow's record, creating it (first start now) if the flow never ran; `isNew` tells which. Atomic: of two
    /// agents starting the same flow at once, one sees it new.
    func startFlow(_ flow: String, streamName: String, nowMilliseconds: Int64) async throws
        -> (record: FlowRecord, isNew: Bool)

    /// Sets (or clears, with nil) the flow's last sending error.
    func recordError(_ message: String?, flow: String, nowMilliseconds: Int64) async throws

    /// Every flow that ever started, ordered by name.
    func flowRecords() async throws -> [FlowRecord]

    /// The flow's checkpoints, oldest update first (then by path).
    func checkpoints(flow: String) async throws -> [FileCheckpoint]

    /// Removes the rows of `removed` (device, inode) and writes `checkpoints`, replacing any row of the same
    /// identity, all or nothing.
    func save(
        _ checkpoints: [FileCheckpoint], removing removed: [(device: UInt64, inode: UInt64)], flow: String
    ) async throws

    /// Removes checkpoints not updated since `cutoffMilliseconds` (checkpointTimeToLiveDays), as the Kinesis Agent
    /// does, so the table does not grow with every rotated file forever.
    func expire(before cutoffMilliseconds: Int64) async throws

    /// Releases the store's resources; stores without any (the in-memory one) need not implement it.
    func close() async
}

extension CheckpointStore {
    public func close() async {}
}
