/// Every bound the lease stores enforce, in one place, named with the unit last. Leases are small and few (one per
/// shard an application ever read), so the bounds are generous for real use and only stop runaway input.
public enum LeaseStoreLimits {
    /// Longest application name; names also become log metadata and part of every row's key.
    public static let applicationNameLengthMax = 128
    /// Longest lease key: shard ids are 20 characters, multi-stream keys add an account, a stream and a time.
    public static let leaseKeyBytesMax = 256
    /// Longest worker identifier (host names, process ids and random suffixes fit easily).
    public static let leaseOwnerBytesMax = 256
    /// Longest sequence number or sentinel: Kinesis sequence numbers have at most 128 digits in the API model.
    public static let sequenceNumberBytesMax = 128
    /// Longest hash key: 2^128 - 1 has 39 decimal digits.
    public static let hashKeyBytesMax = 39
    /// Most parent or child shard ids on one lease (a split has two children, a merge two parents).
    public static let shardIdsPerLeaseMax = 16
    /// Most leases one application may hold; `listLeases` returns them all, so this bounds its memory.
    public static let leasesPerApplicationMax = 100_000

    /// How long SQLite waits for another process's write lock before giving up with SQLITE_BUSY.
    public static let sqliteBusyTimeoutMilliseconds = 5_000
    /// How long a PostgreSQL connection attempt may take.
    public static let postgresConnectTimeoutMilliseconds = 10_000
    /// How long one PostgreSQL statement may run on the server before it is cancelled.
    public static let postgresStatementTimeoutMilliseconds = 10_000
    /// How long one PostgreSQL round trip may take on the client side, which also catches a silent network.
    public static let postgresQueryTimeoutMilliseconds = 15_000
}
