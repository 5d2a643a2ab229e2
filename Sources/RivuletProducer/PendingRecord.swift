import RivuletAggregation

/// What the caller of `put` waits on: its record's result.
typealias PutCompletion = CheckedContinuation<Result<PutRecordResult, ProducerError>, Never>

/// A user record from the moment it is accepted until it is put or fails, through aggregation, collection and
/// retries.
struct PendingRecord: Sendable {
    var record: UserRecord
    /// Where the record routes; computed once, as prediction and re-prediction both need it.
    var hashKey: UInt128
    var arrivalNanoseconds: Int64
    /// Data plus partition key: what counts against the outstanding bound and the request size.
    var sizeBytes: Int
    var attempts = 0
    var lastError: ProducerAttemptError?
    /// The flush generation the record was accepted in; see `FlushTracker`.
    var flushEpoch = 0
    /// Set for `put`; nil for `putWithoutWaiting`, whose results only reach the statistics and metrics.
    var completion: PutCompletion?

    init(record: UserRecord, hashKey: UInt128, arrivalNanoseconds: Int64, completion: PutCompletion? = nil) {
        self.record = record
        self.hashKey = hashKey
        self.arrivalNanoseconds = arrivalNanoseconds
        self.sizeBytes = record.data.count + record.partitionKey.utf8.count
        self.completion = completion
    }
}
