/// The configuration's numbers in the units the state machine works in (nanoseconds, per-second rates as
/// doubles), computed once.
struct ProducerSettings: Sendable {
    let aggregationEnabled: Bool
    let aggregationMaxSizeBytes: Int
    let aggregationMaxCount: Int
    let collectionMaxCount: Int
    let collectionMaxSizeBytes: Int
    let bufferedTimeNanoseconds: Int64
    let timeToLiveNanoseconds: Int64
    /// Per-shard limits after the rate limit percentage; nil when the limiter is off.
    let shardRecordsPerSecond: Double?
    let shardBytesPerSecond: Double?
    let outstandingRecordsMax: Int
    let outstandingBytesMax: Int
    let requestsInFlightMax: Int
    let recordBytesMax: Int
    let shardMapRefreshIntervalNanoseconds: Int64
    let shardMapRefreshMinimumIntervalNanoseconds: Int64
    let failedCallRetryDelayNanoseconds: Int64
    let retryBackoffInitialNanoseconds: Int64
    let retryBackoffMaxNanoseconds: Int64
    let tickNanoseconds: Int64

    /// Bytes an aggregate adds around one record's key and data, at most: magic, digest, the table entry's and the
    /// record's field keys and lengths. A record that does not fit an aggregate even alone is sent raw.
    static let aggregateOverheadBytesMax = 48

    init(_ configuration: ProducerConfiguration) {
        let perMillisecond: Int64 = 1_000_000
        aggregationEnabled = configuration.aggregationEnabled
        aggregationMaxSizeBytes = configuration.aggregationMaxSizeBytes
        aggregationMaxCount = configuration.aggregationMaxCount
        collectionMaxCount = configuration.collectionMaxCount
        collectionMaxSizeBytes = configuration.collectionMaxSizeBytes
        bufferedTimeNanoseconds = configuration.recordMaxBufferedTimeMilliseconds * perMillisecond
        // Saturated far below Int64.max, so that arrival + time to live cannot overflow: about 146 years.
        let (timeToLive, overflow) = configuration.recordTimeToLiveMilliseconds.multipliedReportingOverflow(
            by: perMillisecond)
        timeToLiveNanoseconds = overflow ? Int64.max / 2 : min(timeToLive, Int64.max / 2)
        if let percent = configuration.rateLimitPercent {
            shardRecordsPerSecond = Double(configuration.shardRecordsPerSecond) * Double(percent) / 100
            shardBytesPerSecond = Double(configuration.shardBytesPerSecond) * Double(percent) / 100
        } else {
            shardRecordsPerSecond = nil
            shardBytesPerSecond = nil
        }
        outstandingRecordsMax = configuration.outstandingRecordsMax
        outstandingBytesMax = configuration.outstandingBytesMax
        requestsInFlightMax = configuration.requestsInFlightMax
        recordBytesMax = configuration.recordBytesMax
        shardMapRefreshIntervalNanoseconds = configuration.shardMapRefreshIntervalMilliseconds * perMillisecond
        shardMapRefreshMinimumIntervalNanoseconds =
            configuration.shardMapRefreshMinimumIntervalMilliseconds * perMillisecond
        failedCallRetryDelayNanoseconds = configuration.failedCallRetryDelayMilliseconds * perMillisecond
        retryBackoffInitialNanoseconds = configuration.retryBackoffInitialMilliseconds * perMillisecond
        retryBackoffMaxNanoseconds = configuration.retryBackoffMaxMilliseconds * perMillisecond
        // A tenth of the buffered time keeps deadlines within 10% without waking idle producers too often.
        let tickMilliseconds = min(
            max(configuration.recordMaxBufferedTimeMilliseconds / 10, ProducerLimits.tickMillisecondsMin),
            ProducerLimits.tickMillisecondsMax)
        tickNanoseconds = tickMilliseconds * perMillisecond
    }
}
