/// Running totals of a producer's work since it was created: what a command prints as its summary.
public struct ProducerStatistics: Sendable, Equatable {
    /// User records accepted by `put` and `putWithoutWaiting`.
    public var userRecordsReceived = 0
    /// User records Kinesis took.
    public var userRecordsPut = 0
    /// Bytes of data of the user records Kinesis took.
    public var userBytesPut = 0
    /// User records that failed after being accepted (expired or cancelled).
    public var userRecordsFailed = 0
    public var userRecordsExpired = 0
    /// Kinesis records written: aggregates and raw records.
    public var kinesisRecordsPut = 0
    public var putRecordsRequests = 0
    /// User records sent again after a failed attempt.
    public var retries = 0
    /// Shard map loads that found a different map from the one in use.
    public var shardMapChanges = 0
    /// PutRecords calls that failed as a whole (after the client's own retries): the service or the connection.
    public var failedCalls = 0
    /// The most recent failed attempt, of a whole call or of one record; nil until one fails.
    public var lastAttemptError: ProducerAttemptError?
    /// The most recent failure reported for a user record.
    public var lastFailure: ProducerError?

    public init() {}
}
