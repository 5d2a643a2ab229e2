import Logging
import RivuletCore

/// How a `Producer` aggregates, collects, paces, retries and bounds its records. The defaults follow the KPL's,
/// except that outstanding records and bytes are bounded: `put` waits for room instead of letting memory grow.
public struct ProducerConfiguration: Sendable {
    /// Pack records predicted to the same shard into KPL aggregates.
    public var aggregationEnabled = true
    /// Largest aggregated record, magic and digest included.
    public var aggregationMaxSizeBytes = 51_200
    /// Most user records in one aggregate.
    public var aggregationMaxCount = 100_000
    /// Most Kinesis records in one PutRecords request.
    public var collectionMaxCount = Limits.putRecordsRecordsMax
    /// Most bytes (data plus partition keys) in one PutRecords request.
    public var collectionMaxSizeBytes = 5 * 1024 * 1024
    /// How long a record may wait in a buffer for others to join it before it is sent.
    public var recordMaxBufferedTimeMilliseconds: Int64 = 100
    /// How long the producer keeps trying to put a record before failing it as expired. `Int64.max`: never; the
    /// record is retried until it is put (what a file shipper that must not lose a line wants).
    public var recordTimeToLiveMilliseconds: Int64 = 30_000
    /// Per-shard rate limit as a percentage of a shard's limits (`shardRecordsPerSecond`, `shardBytesPerSecond`);
    /// nil turns the limiter off (for benchmarks against a local server that has no shard limits).
    public var rateLimitPercent: Int? = 150
    public var shardRecordsPerSecond = 1000
    public var shardBytesPerSecond = 1024 * 1024
    /// User records accepted and not yet finished (put or failed); `put` waits while this many are outstanding.
    public var outstandingRecordsMax = 200_000
    /// Bytes (data plus partition keys) of outstanding user records; `put` waits while the next would exceed it.
    public var outstandingBytesMax = 64 * 1024 * 1024
    /// PutRecords calls in flight at once.
    public var requestsInFlightMax = 16
    /// Largest user record (data plus partition key): a stream's default maximum record size.
    public var recordBytesMax = Limits.recordBytesMaxDefault
    /// The shard map is reloaded this often even when nothing suggests it changed.
    public var shardMapRefreshIntervalMilliseconds: Int64 = 60_000
    /// The shard map is reloaded at most this often, however many wrong-shard results arrive.
    public var shardMapRefreshMinimumIntervalMilliseconds: Int64 = 1_000
    /// Pause after a whole PutRecords call failed (the client has already retried transient failures with backoff)
    /// before its records are tried again, so that a persistent refusal is not retried in a tight loop.
    public var failedCallRetryDelayMilliseconds: Int64 = 200
    /// A record that failed waits before its next attempt: this long after its first failure, doubling with each
    /// further one up to `retryBackoffMaxMilliseconds`, each wait varied by up to 30% either way so that records
    /// failed together do not return together. 0 retries at once (the rate limiter still paces them).
    public var retryBackoffInitialMilliseconds: Int64 = 0
    public var retryBackoffMaxMilliseconds: Int64 = 10_000
    public var logger = Logger(label: "rivulet.producer", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Buffering deadlines, time to live, backoff and token refills are measured on this clock; tests drive it by
    /// hand.
    public var clock: any MonotonicClock = SystemClock()

    public init() {}

    /// Checks the values; a producer built with impossible ones is a programming error.
    func validated() -> ProducerConfiguration {
        precondition(aggregationMaxSizeBytes >= 64 && aggregationMaxSizeBytes <= recordBytesMax,
            "aggregationMaxSizeBytes must be in 64...recordBytesMax")
        precondition(aggregationMaxCount >= 1, "aggregationMaxCount must be positive")
        precondition((1...Limits.putRecordsRecordsMax).contains(collectionMaxCount), "collectionMaxCount must be in 1...500")
        precondition((1...Limits.putRecordsBytesMax).contains(collectionMaxSizeBytes),
            "collectionMaxSizeBytes must be in 1...\(Limits.putRecordsBytesMax)")
        precondition(recordMaxBufferedTimeMilliseconds >= 0, "recordMaxBufferedTimeMilliseconds must not be negative")
        precondition(recordTimeToLiveMilliseconds > 0, "recordTimeToLiveMilliseconds must be positive")
        precondition(rateLimitPercent.map { $0 > 0 } ?? true, "rateLimitPercent must be positive")
        precondition(shardRecordsPerSecond > 0 && shardBytesPerSecond > 0, "shard limits must be positive")
        precondition(outstandingRecordsMax >= 1 && outstandingBytesMax >= 1, "outstanding bounds must be positive")
        precondition((1...ProducerLimits.requestsInFlightCeiling).contains(requestsInFlightMax),
            "requestsInFlightMax must be in 1...\(ProducerLimits.requestsInFlightCeiling)")
        precondition((1...Limits.recordDataBytesMaxCeiling).contains(recordBytesMax), "recordBytesMax out of range")
        precondition(shardMapRefreshIntervalMilliseconds > 0 && shardMapRefreshMinimumIntervalMilliseconds >= 0,
            "shard map intervals must be positive")
        precondition(failedCallRetryDelayMilliseconds >= 0, "failedCallRetryDelayMilliseconds must not be negative")
        precondition(retryBackoffInitialMilliseconds >= 0 && retryBackoffMaxMilliseconds >= retryBackoffInitialMilliseconds,
            "retry backoff must satisfy 0 <= initial <= max")
        return self
    }
}
