/// The outcome of a producer benchmark, printed in the same shape as the API workloads' `BenchResult`, plus what
/// aggregation made of the records.
public struct ProducerBenchResult: Sendable {
    /// What was run, in words: "producer, 100 B records, aggregation on, rate limit off".
    public var shape: String
    /// User records put.
    public var records: Int
    /// Bytes of user data put.
    public var bytes: Int
    public var kinesisRecords: Int
    public var requests: Int
    public var failedRecords: Int
    public var retries: Int
    public var elapsedSeconds: Double
    /// Latency of awaited puts sampled during the run: from `put` to Kinesis's acknowledgement, buffering included.
    public var latency: LatencyRecorder

    public init(
        shape: String, records: Int, bytes: Int, kinesisRecords: Int, requests: Int, failedRecords: Int,
        retries: Int, elapsedSeconds: Double, latency: LatencyRecorder
    ) {
        self.shape = shape
        self.records = records
        self.bytes = bytes
        self.kinesisRecords = kinesisRecords
        self.requests = requests
        self.failedRecords = failedRecords
        self.retries = retries
        self.elapsedSeconds = elapsedSeconds
        self.latency = latency
    }

    public var recordsPerSecond: Double { elapsedSeconds > 0 ? Double(records) / elapsedSeconds : 0 }
    public var megabytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytes) / elapsedSeconds / 1_000_000 : 0 }
    public var userRecordsPerKinesisRecord: Double { kinesisRecords > 0 ? Double(records) / Double(kinesisRecords) : 0 }

    public var summaryLine: String {
        func milliseconds(_ fraction: Double) -> String {
            latency.percentileMilliseconds(fraction).map { formatted($0, digits: 3) } ?? "-"
        }
        return "produce: \(shape): \(records) records in \(formatted(elapsedSeconds, digits: 2)) s = "
            + "\(formatted(recordsPerSecond, digits: 0)) records/s, \(formatted(megabytesPerSecond, digits: 1)) MB/s; "
            + "put latency ms p50 \(milliseconds(0.50)) p99 \(milliseconds(0.99)) p999 \(milliseconds(0.999)); "
            + "\(kinesisRecords) Kinesis records (\(formatted(userRecordsPerKinesisRecord, digits: 1)) records each) "
            + "in \(requests) requests; \(retries) retries; \(failedRecords) failed records"
    }

    public var jsonLine: String {
        func number(_ value: Double?) -> String { value.map { formatted($0, digits: 4) } ?? "null" }
        let fields: [(String, String)] = [
            ("workload", "\"produce\""), ("shape", "\"\(shape)\""), ("records", "\(records)"), ("bytes", "\(bytes)"),
            ("kinesis_records", "\(kinesisRecords)"), ("requests", "\(requests)"),
            ("failed_records", "\(failedRecords)"), ("retries", "\(retries)"),
            ("elapsed_seconds", number(elapsedSeconds)), ("records_per_second", number(recordsPerSecond)),
            ("megabytes_per_second", number(megabytesPerSecond)),
            ("latency_p50_ms", number(latency.percentileMilliseconds(0.50))),
            ("latency_p99_ms", number(latency.percentileMilliseconds(0.99))),
            ("latency_p999_ms", number(latency.percentileMilliseconds(0.999))),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
