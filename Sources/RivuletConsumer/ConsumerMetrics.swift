import Metrics

/// What a worker reports through swift-metrics, named as the KCL's CloudWatch metrics are where it has one.
struct ConsumerMetrics: Sendable {
    private let recordsProcessed = Counter(label: "RecordsProcessed")
    private let getRecordsErrors = Counter(label: "GetRecordsErrors")
    private let leasesTaken = Counter(label: "LeasesTaken")
    private let leasesLost = Counter(label: "LeasesLost")
    private let leasesHeld = Gauge(label: "LeasesHeld")

    func delivered(records: Int, shardId: String, millisBehind: Int64?) {
        recordsProcessed.increment(by: records)
        if let millisBehind {
            Gauge(label: "MillisBehindLatest", dimensions: [("ShardId", shardId)]).record(millisBehind)
        }
    }

    func readFailed() { getRecordsErrors.increment() }
    func took(_ count: Int) { leasesTaken.increment(by: count) }
    func lost(_ count: Int) { leasesLost.increment(by: count) }
    func holding(_ count: Int) { leasesHeld.record(count) }
}
