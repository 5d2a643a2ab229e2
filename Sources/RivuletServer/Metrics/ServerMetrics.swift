import Metrics

/// The server's metrics, through swift-metrics so any backend can collect them; the CLI installs Prometheus and
/// serves it at /metrics. Label values are bounded: operations and error types are fixed sets, streams are as many
/// as the catalog holds.
struct ServerMetrics: Sendable {
    func recordRequest(operation: String, errorType: String?, durationNanoseconds: Int64) {
        Counter(label: "rivulet_requests_total", dimensions: [("operation", operation)]).increment()
        if let errorType {
            Counter(label: "rivulet_request_errors_total", dimensions: [("operation", operation), ("type", errorType)])
                .increment()
        }
        Timer(label: "rivulet_request_duration_seconds", dimensions: [("operation", operation)])
            .recordNanoseconds(durationNanoseconds)
    }

    func recordRecordsIn(stream: String, records: Int, bytes: Int) {
        Counter(label: "rivulet_records_in_total", dimensions: [("stream", stream)]).increment(by: records)
        Counter(label: "rivulet_bytes_in_total", dimensions: [("stream", stream)]).increment(by: bytes)
    }

    func recordRecordsOut(stream: String, records: Int, bytes: Int) {
        Counter(label: "rivulet_records_out_total", dimensions: [("stream", stream)]).increment(by: records)
        Counter(label: "rivulet_bytes_out_total", dimensions: [("stream", stream)]).increment(by: bytes)
    }

    func recordStoredBytes(_ bytes: Int64) {
        Gauge(label: "rivulet_storage_bytes").record(bytes)
    }

    func recordOpenConnections(_ count: Int) {
        Gauge(label: "rivulet_open_connections").record(count)
    }
}
