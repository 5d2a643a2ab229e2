import Metrics

/// The producer's metrics, named as the KPL names them, each with the stream's name as a dimension.
struct ProducerMetrics: Sendable {
    private let dimensions: [(String, String)]
    private let userRecordsReceived: Counter
    private let userRecordsPending: Gauge
    private let userRecordsPut: Counter
    private let kinesisRecordsPut: Counter
    private let userRecordExpired: Counter
    private let allErrors: Counter
    private let retriesPerRecord: Recorder
    private let bufferingTime: Metrics.Timer
    private let requestTime: Metrics.Timer
    private let userRecordsPerKinesisRecord: Recorder
    private let kinesisRecordsPerPutRecordsRequest: Recorder

    init(streamName: String) {
        let dimensions = [("StreamName", streamName)]
        self.dimensions = dimensions
        userRecordsReceived = Counter(label: "UserRecordsReceived", dimensions: dimensions)
        userRecordsPending = Gauge(label: "UserRecordsPending", dimensions: dimensions)
        userRecordsPut = Counter(label: "UserRecordsPut", dimensions: dimensions)
        kinesisRecordsPut = Counter(label: "KinesisRecordsPut", dimensions: dimensions)
        userRecordExpired = Counter(label: "UserRecordExpired", dimensions: dimensions)
        allErrors = Counter(label: "AllErrors", dimensions: dimensions)
        retriesPerRecord = Recorder(label: "RetriesPerRecord", dimensions: dimensions)
        bufferingTime = Metrics.Timer(label: "BufferingTime", dimensions: dimensions)
        requestTime = Metrics.Timer(label: "RequestTime", dimensions: dimensions)
        userRecordsPerKinesisRecord = Recorder(label: "UserRecordsPerKinesisRecord", dimensions: dimensions)
        kinesisRecordsPerPutRecordsRequest = Recorder(
            label: "KinesisRecordsPerPutRecordsRequest", dimensions: dimensions)
    }

    func emit(_ report: MetricsReport) {
        if report.userRecordsReceived > 0 { userRecordsReceived.increment(by: report.userRecordsReceived) }
        if let pending = report.userRecordsPending { userRecordsPending.record(pending) }
        if report.userRecordsPut > 0 { userRecordsPut.increment(by: report.userRecordsPut) }
        if report.kinesisRecordsPut > 0 { kinesisRecordsPut.increment(by: report.kinesisRecordsPut) }
        if report.userRecordsExpired > 0 { userRecordExpired.increment(by: report.userRecordsExpired) }
        for (code, count) in report.errorsByCode {
            // One counter per code, as the KPL's ErrorsByCode dimension; codes are few and named by the service.
            Counter(label: "ErrorsByCode", dimensions: dimensions + [("ErrorCode", code)]).increment(by: count)
            allErrors.increment(by: count)
        }
        for (retries, count) in report.retriesPerRecord {
            for _ in 0..<count { retriesPerRecord.record(retries) }
        }
        for count in report.userRecordsPerKinesisRecord { userRecordsPerKinesisRecord.record(count) }
        for nanoseconds in report.bufferingTimesNanoseconds { bufferingTime.recordNanoseconds(nanoseconds) }
    }

    func recordRequest(nanoseconds: Int64, kinesisRecords: Int) {
        requestTime.recordNanoseconds(nanoseconds)
        kinesisRecordsPerPutRecordsRequest.record(kinesisRecords)
    }
}
