/// The outcome of one workload: throughput and request latency.
public struct BenchResult: Sendable {
    public var workload: BenchConfiguration.Workload
    /// What was run, in words: "PutRecords, 500 x 100 B records, 8 connections".
    public var shape: String
    public var records: Int
    public var bytes: Int
    public var requests: Int
    public var failedRecords: Int
    public var elapsedSeconds: Double
    public var latency: LatencyRecorder

    public var recordsPerSecond: Double { elapsedSeconds > 0 ? Double(records) / elapsedSeconds : 0 }
    public var megabytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytes) / elapsedSeconds / 1_000_000 : 0 }

    /// One human-readable line.
    public var summaryLine: String {
        func milliseconds(_ fraction: Double) -> String {
            latency.percentileMilliseconds(fraction).map { formatted($0, digits: 3) } ?? "-"
        }
        return "\(workload.rawValue): \(shape): \(records) records in \(formatted(elapsedSeconds, digits: 2)) s = "
            + "\(formatted(recordsPerSecond, digits: 0)) records/s, \(formatted(megabytesPerSecond, digits: 1)) MB/s; "
            + "latency ms p50 \(milliseconds(0.50)) p99 \(milliseconds(0.99)) p999 \(milliseconds(0.999)) over "
            + "\(requests) requests; \(failedRecords) failed records"
    }

    /// A flat JSON object, for scripts that compare runs.
    public var jsonLine: String {
        func number(_ value: Double?) -> String { value.map { formatted($0, digits: 4) } ?? "null" }
        let fields: [(String, String)] = [
            ("workload", "\"\(workload.rawValue)\""), ("shape", "\"\(shape)\""), ("records", "\(records)"),
            ("bytes", "\(bytes)"), ("requests", "\(requests)"), ("failed_records", "\(failedRecords)"),
            ("elapsed_seconds", number(elapsedSeconds)), ("records_per_second", number(recordsPerSecond)),
            ("megabytes_per_second", number(megabytesPerSecond)),
            ("latency_p50_ms", number(latency.percentileMilliseconds(0.50))),
            ("latency_p99_ms", number(latency.percentileMilliseconds(0.99))),
            ("latency_p999_ms", number(latency.percentileMilliseconds(0.999))),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// Fixed-point formatting without Foundation's locale machinery.
func formatted(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int64(scaled / scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if digits > 0 {
        let fraction = String(Int64(scaled) - whole * Int64(scale))
        text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return text
}
