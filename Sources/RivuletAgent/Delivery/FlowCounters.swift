import Metrics
import Synchronization

/// What one flow has done since the agent started: the numbers of the progress lines, `rivulet agent status` and
/// the metrics (named as the Kinesis Agent's CloudWatch metrics: BytesSent, RecordSendAttempts, RecordSendErrors,
/// ServiceErrors, RecordsSent).
final class FlowCounters: Sendable {
    let recordsParsed = Atomic<Int>(0)
    let bytesParsed = Atomic<Int>(0)
    let recordsSent = Atomic<Int>(0)
    let bytesSent = Atomic<Int>(0)
    let recordsSkipped = Atomic<Int>(0)
    let conversionErrors = Atomic<Int>(0)
    /// Records that could not be sent at all (for instance larger than Kinesis takes after processing).
    let recordsDropped = Atomic<Int>(0)
    let bytesBehind = Atomic<Int>(0)

    private let bytesSentMetric: Counter
    private let recordsSentMetric: Counter
    private let recordSendAttemptsMetric: Counter
    private let recordSendErrorsMetric: Counter
    private let serviceErrorsMetric: Counter
    private let recordsParsedMetric: Counter
    private let recordsSkippedMetric: Counter
    private let conversionErrorsMetric: Counter
    private let bytesBehindMetric: Gauge

    init(flow: String, namespace: String) {
        let dimensions = [("flow", flow), ("namespace", namespace)]
        bytesSentMetric = Counter(label: "BytesSent", dimensions: dimensions)
        recordsSentMetric = Counter(label: "RecordsSent", dimensions: dimensions)
        recordSendAttemptsMetric = Counter(label: "RecordSendAttempts", dimensions: dimensions)
        recordSendErrorsMetric = Counter(label: "RecordSendErrors", dimensions: dimensions)
        serviceErrorsMetric = Counter(label: "ServiceErrors", dimensions: dimensions)
        recordsParsedMetric = Counter(label: "rivulet_agent_records_parsed", dimensions: dimensions)
        recordsSkippedMetric = Counter(label: "rivulet_agent_records_skipped", dimensions: dimensions)
        conversionErrorsMetric = Counter(label: "rivulet_agent_conversion_errors", dimensions: dimensions)
        bytesBehindMetric = Gauge(label: "rivulet_agent_bytes_behind", dimensions: dimensions)
    }

    func parsed(bytes: Int) {
        recordsParsed.add(1, ordering: .relaxed)
        bytesParsed.add(bytes, ordering: .relaxed)
    }

    func skipped() {
        recordsSkipped.add(1, ordering: .relaxed)
        recordsSkippedMetric.increment()
    }

    func conversionFailed() {
        conversionErrors.add(1, ordering: .relaxed)
        conversionErrorsMetric.increment()
    }

    func dropped() {
        recordsDropped.add(1, ordering: .relaxed)
        recordSendErrorsMetric.increment()
    }

    func sent(bytes: Int) {
        recordsSent.add(1, ordering: .relaxed)
        bytesSent.add(bytes, ordering: .relaxed)
    }

    func behind(bytes: Int) {
        bytesBehind.store(bytes, ordering: .relaxed)
        bytesBehindMetric.record(bytes)
    }

    /// Publishes what was counted per record since the last call; per-record metric updates would cost more than
    /// the records. `attempts`, `failedAttempts` and `serviceErrors` come from the producer's totals.
    private let published = Mutex(PublishedTotals())

    func publish(attempts: Int, failedAttempts: Int, serviceErrors: Int) {
        let now = PublishedTotals(
            recordsParsed: recordsParsed.load(ordering: .relaxed), recordsSent: recordsSent.load(ordering: .relaxed),
            bytesSent: bytesSent.load(ordering: .relaxed), attempts: attempts, failedAttempts: failedAttempts,
            serviceErrors: serviceErrors)
        let before = published.withLock { published in
            let before = published
            published = now
            return before
        }
        recordsParsedMetric.increment(by: max(now.recordsParsed - before.recordsParsed, 0))
        recordsSentMetric.increment(by: max(now.recordsSent - before.recordsSent, 0))
        bytesSentMetric.increment(by: max(now.bytesSent - before.bytesSent, 0))
        recordSendAttemptsMetric.increment(by: max(now.attempts - before.attempts, 0))
        recordSendErrorsMetric.increment(by: max(now.failedAttempts - before.failedAttempts, 0))
        serviceErrorsMetric.increment(by: max(now.serviceErrors - before.serviceErrors, 0))
    }

    private struct PublishedTotals: Sendable {
        var recordsParsed = 0
        var recordsSent = 0
        var bytesSent = 0
        var attempts = 0
        var failedAttempts = 0
        var serviceErrors = 0
    }
}
