/// One caller's append waiting in the commit pipeline: its batches, the shard log each batch goes to, and the
/// continuation that resumes the caller with receipts or an error.
final class AppendRequest: Sendable {
    let batches: [ShardAppend]
    let logs: [ShardLog]
    /// The frame bytes this request will write, for bounding commit rounds.
    let frameBytes: Int
    let continuation: CheckedContinuation<[AppendReceipt], any Error>

    init(batches: [ShardAppend], logs: [ShardLog], continuation: CheckedContinuation<[AppendReceipt], any Error>) {
        precondition(batches.count == logs.count, "every batch has its shard log")
        self.batches = batches
        self.logs = logs
        self.frameBytes = batches.reduce(0) { $0 + RecordFrame.frameBytes(of: $1.records) }
        self.continuation = continuation
    }
}
