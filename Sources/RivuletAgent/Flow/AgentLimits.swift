/// The agent's fixed bounds and cadences.
enum AgentLimits {
    /// Bytes read from a file by one pread.
    static let readChunkBytes = 256 * 1024
    /// Bytes read from one file per turn before the other files get theirs.
    static let readBytesPerFilePerTurn = 4 * 1024 * 1024
    /// Files one flow tracks at most; beyond, the pattern's further matches wait.
    static let filesPerFlowMax = 10_000
    /// Checkpoints are written this often while records are acknowledged: what a crash repeats is at most this much
    /// of acknowledged lines plus those in flight. One small SQLite transaction each.
    static let checkpointIntervalMilliseconds: Int64 = 250
    /// A file no longer under the pattern (rotated away, deleted) is let go once read to its end, acknowledged and
    /// unchanged this long.
    static let rotatedFileQuietMilliseconds: Int64 = 2_000
    /// A file read to its end and unchanged this long has its descriptor closed (reopened if it grows), so a
    /// directory of many rotated files does not hold as many descriptors.
    static let idleFileCloseMilliseconds: Int64 = 5_000
    /// Records a flow's producer holds at most (read but not acknowledged), whatever its share of
    /// `maxBufferedBytes`.
    static let outstandingRecordsMax = 50_000
    /// What `maxBufferedBytes` may be set to: enough for one record of the largest size, and at most 4 GiB.
    static let bufferedBytesRange = 1_048_576...4_294_967_296
    /// A flow's share of `maxBufferedBytes` is never smaller: one record of the largest size must fit.
    static let bufferedBytesPerFlowMin = 1_048_576
    /// Memory each buffered record costs beyond its bytes (its entry in the producer and in the acknowledgement
    /// window, its completion, its partition key, allocator overhead): the record count is bounded by the byte
    /// share divided by this, so tiny records cannot hold many times the bound in bookkeeping. Measured: 50,000
    /// buffered 100-byte lines raised the agent's resident memory by about 60 MB (1.2 KB a record).
    static let bookkeepingBytesPerRecord = 1_024

    /// One flow's share of the agent's `maxBufferedBytes`.
    static func bufferedBytesShare(total: Int, flowCount: Int) -> Int {
        max(total / max(flowCount, 1), bufferedBytesPerFlowMin)
    }
}
