/// What a state transition asks to be done once the lock is released: callers to resume and metrics to report.
/// Resuming a continuation under the lock could run its task's code there.
struct ProducerEffects: Sendable {
    var results: [(PutCompletion, Result<PutRecordResult, ProducerError>)] = []
    var admissions: [(CheckedContinuation<Result<Void, ProducerError>, Never>, Result<Void, ProducerError>)] = []
    var flushes: [CheckedContinuation<Void, Never>] = []
    var dispatcher: CheckedContinuation<Void, Never>?
    var report = MetricsReport()

    func perform(_ metrics: ProducerMetrics) {
        dispatcher?.resume()
        for (continuation, result) in admissions { continuation.resume(returning: result) }
        for (continuation, result) in results { continuation.resume(returning: result) }
        for continuation in flushes { continuation.resume() }
        metrics.emit(report)
    }
}

/// Counts gathered under the lock and reported to swift-metrics after it, so that no metric is touched per record
/// on the caller's path.
struct MetricsReport: Sendable {
    var userRecordsReceived = 0
    var userRecordsPut = 0
    var kinesisRecordsPut = 0
    var userRecordsExpired = 0
    var userRecordsPending: Int?
    var errorsByCode: [String: Int] = [:]
    /// Retries of finished user records: how many records finished after each number of retries.
    var retriesPerRecord: [Int: Int] = [:]
    /// User records in each Kinesis record put.
    var userRecordsPerKinesisRecord: [Int] = []
    /// For each Kinesis record sent, how long its oldest user record had waited.
    var bufferingTimesNanoseconds: [Int64] = []
}
