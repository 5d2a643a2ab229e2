/// What one bench task counted; tallies merge into a workload's result.
struct WorkerTally: Sendable {
    var records = 0
    var bytes = 0
    var requests = 0
    var failedRecords = 0
    var latency = LatencyRecorder()
    /// The progress reporter's empty tally, skipped when collecting workers.
    var isReporter: Bool { requests == 0 && records == 0 && latency.count == 0 }

    mutating func add(records: Int, bytes: Int, failed: Int) {
        self.records += records
        self.bytes += bytes
        self.failedRecords += failed
        requests += 1
    }

    mutating func merge(_ other: WorkerTally) {
        records += other.records
        bytes += other.bytes
        requests += other.requests
        failedRecords += other.failedRecords
        latency.merge(other.latency)
    }

    func result(_ workload: BenchConfiguration.Workload, shape: String, elapsed: Duration) -> BenchResult {
        BenchResult(
            workload: workload, shape: shape, records: records, bytes: bytes, requests: requests,
            failedRecords: failedRecords, elapsedSeconds: elapsed.seconds, latency: latency)
    }
}
