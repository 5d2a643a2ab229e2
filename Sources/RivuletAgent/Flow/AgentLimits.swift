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
    /// Records and bytes a flow's producer holds at most (read but not acknowledged).
    static let outstandingRecordsMax = 50_000
    static let outstandingBytesMax = 8 * 1024 * 1024
}
