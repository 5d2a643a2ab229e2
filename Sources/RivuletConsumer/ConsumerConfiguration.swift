import Logging

/// How a consumer application reads a stream. Defaults follow the KCL's where it has one.
public struct ConsumerConfiguration: Sendable {
    /// The stream to read: a name, or an ARN (`arn:aws:kinesis:...:stream/NAME`).
    public var stream: String
    /// This worker's name in lease ownership; unique per worker process (host name plus process id is typical).
    public var workerIdentifier: String
    /// Where a shard without a checkpoint is first read from.
    public var initialPosition: InitialPosition = .trimHorizon
    /// A worker whose lease counter stands still this long is taken to be gone, and its shards are taken over
    /// within this time (the KCL's failoverTimeMillis).
    public var failoverTimeMilliseconds: Int64 = 10_000
    /// Records asked for in each GetRecords call (the API allows 1...10,000).
    public var recordsPerGetRecordsMax = 10_000
    /// Pause between GetRecords calls once a shard is caught up; behind, the next call is made at once.
    public var idleTimeBetweenReadsMilliseconds: Int64 = 1_000
    /// How often the stream's shard list is compared with the lease table, for shards created by resharding.
    public var shardSyncIntervalMilliseconds: Int64 = 60_000
    /// A cap on the leases one worker holds, whatever the balance would give it.
    public var leasesPerWorkerMax = 1_000
    /// Deliver empty batches to `processRecords` too (the KCL's callProcessRecordsEvenForEmptyRecordList).
    public var processEmptyBatches = false
    /// Backoff after a failed GetRecords or lease store call, doubled per consecutive failure up to the maximum.
    public var retryInitialBackoffMilliseconds: Int64 = 200
    public var retryMaxBackoffMilliseconds: Int64 = 5_000
    public var logger = Logger(label: "rivulet.consumer")

    public init(stream: String, workerIdentifier: String) {
        self.stream = stream
        self.workerIdentifier = workerIdentifier
    }

    /// A lease is expired when its counter has stood still this long. Two thirds of the failover time leaves room
    /// for the takeover scan to notice it and start processing inside the failover time.
    var leaseDurationMilliseconds: Int64 { max(failoverTimeMilliseconds * 2 / 3, 1) }
    /// Renewal runs three times per lease duration so one late renewal does not lose a lease.
    var renewalIntervalMilliseconds: Int64 { max(leaseDurationMilliseconds / 3, 1) }
    /// The lease table is scanned (expired leases taken, balance restored) six times per failover time.
    var leaseScanIntervalMilliseconds: Int64 { max(failoverTimeMilliseconds / 6, 1) }
    /// How often a child shard's consumer checks whether its parents have reached their end.
    var parentPollIntervalMilliseconds: Int64 { min(max(failoverTimeMilliseconds / 10, 50), 1_000) }
}
