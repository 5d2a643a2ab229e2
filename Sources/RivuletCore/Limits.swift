/// Every bound the system enforces, in one place, named with the unit last.
/// API limits follow the current Kinesis model (botocore's service-2.json) and AWS's documented defaults.
public enum Limits {
    // MARK: Requests
    /// Largest HTTP request body accepted: a 10 MiB PutRecords payload grows by a third in base64, plus JSON framing.
    public static let requestBodyBytesMax = 16 * 1024 * 1024
    /// Largest header block accepted before the request is refused.
    public static let requestHeaderBytesMax = 64 * 1024
    /// Concurrent client connections the server accepts; more are closed at once.
    public static let connectionsMax = 4096

    // MARK: Records
    public static let partitionKeyLengthMin = 1
    public static let partitionKeyLengthMax = 256
    /// Default largest record (data plus partition key), 1 MiB, as a stream's MaxRecordSizeInKiB of 1024.
    public static let recordBytesMaxDefault = 1024 * 1024
    /// The model's ceiling for a data blob (a stream configured with MaxRecordSizeInKiB 10240).
    public static let recordDataBytesMaxCeiling = 10 * 1024 * 1024
    public static let putRecordsRecordsMax = 500
    /// The whole PutRecords request: 10 MiB in the current model (it was 5 MiB until 2025).
    public static let putRecordsBytesMax = 10 * 1024 * 1024
    public static let getRecordsRecordsMax = 10_000
    public static let getRecordsBytesMax = 10 * 1024 * 1024

    // MARK: Iterators and tokens
    public static let shardIteratorLifetimeMilliseconds: Int64 = 300_000
    public static let nextTokenLifetimeMilliseconds: Int64 = 300_000

    // MARK: Streams
    public static let streamNameLengthMax = 128
    public static let shardCountMaxPerAccount = 500
    public static let onDemandStreamCountMax = 50
    public static let onDemandShardCount = 4
    public static let retentionHoursDefault = 24
    public static let retentionHoursMin = 24
    public static let retentionHoursMax = 8760
    public static let tagsPerStreamMax = 50
    public static let tagsPerRequestMax = 50
    public static let tagKeyLengthMax = 128
    public static let tagValueLengthMax = 256

    // MARK: Listing
    public static let listStreamsLimitDefault = 100
    public static let listStreamsLimitMax = 10_000
    public static let listShardsMaxResultsDefault = 1000
    public static let listShardsMaxResultsMax = 10_000
    public static let describeStreamLimitDefault = 100
    public static let describeStreamLimitMax = 10_000

    // MARK: Validation
    /// At most this many constraint violations are listed in one ValidationException.
    public static let validationMessagesMax = 10
}
