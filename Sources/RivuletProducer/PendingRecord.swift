import RivuletAggregation

/// Where a record's result goes: the continuation of a caller waiting in `put`, or the callback given to
/// `put(_:partitionKey:explicitHashKey:onCompletion:)`.
enum PutCompletion: Sendable {
    case continuation(CheckedContinuation<Result<PutRecordResult, ProducerError>, Never>)
    case callback(@Sendable (Result<PutRecordResult, ProducerError>) -> Void)

    func resume(returning result: Result<PutRecordResult, ProducerError>) {
        switch self {
        case .continuation(let continuation): continuation.resume(returning: result)
        case .callback(let callback): callback(result)
        }
    }
}

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
    /// A failed record is not tried again before this (monotonic nanoseconds): the retry backoff.
    var retryNotBeforeNanoseconds: Int64 = 0
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
