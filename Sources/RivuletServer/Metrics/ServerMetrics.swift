import Metrics
import RivuletCore
import RivuletStorage

/// The server's metrics, through swift-metrics so any backend can collect them: `rivulet server` installs
/// Prometheus (`MetricsBootstrap` in the CLI), and `ServerRoutes` serves its text at `GET /metrics`. Label values are bounded: operations and error types are fixed sets, streams are as many
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

    // MARK: Shard level, for streams with enhanced monitoring on

    /// IncomingRecords and IncomingBytes per shard, as far as the stream enabled them.
    func recordShardIncoming(_ stream: StreamDescriptor, _ batches: [ShardAppend]) {
        let enabled = stream.shardLevelMetrics
        guard !enabled.isEmpty else { return }
        for batch in batches {
            let dimensions = [("stream", stream.key.name), ("shard", ShardID(index: batch.shardIndex).description)]
            if enabled.contains("IncomingRecords") {
                Counter(label: "rivulet_shard_incoming_records_total", dimensions: dimensions)
                    .increment(by: batch.records.count)
            }
            if enabled.contains("IncomingBytes") {
                let bytes = batch.records.reduce(0) { $0 + Self.callerBytes($1.data, $1.partitionKey, $1.sealed) }
                Counter(label: "rivulet_shard_incoming_bytes_total", dimensions: dimensions).increment(by: bytes)
            }
        }
    }

    /// OutgoingRecords, OutgoingBytes and IteratorAgeMilliseconds of one read, as far as the stream enabled them.
    func recordShardOutgoing(
        _ stream: StreamDescriptor, shardIndex: Int, records: [StoredRecord], millisBehindLatest: Int64
    ) {
        let enabled = stream.shardLevelMetrics
        guard !enabled.isEmpty else { return }
        let dimensions = [("stream", stream.key.name), ("shard", ShardID(index: shardIndex).description)]
        if enabled.contains("OutgoingRecords") {
            Counter(label: "rivulet_shard_outgoing_records_total", dimensions: dimensions).increment(by: records.count)
        }
        if enabled.contains("OutgoingBytes") {
            Counter(label: "rivulet_shard_outgoing_bytes_total", dimensions: dimensions)
                .increment(by: records.reduce(0) { $0 + Self.callerBytes($1.data, $1.partitionKey, $1.sealed) })
        }
        if enabled.contains("IteratorAgeMilliseconds") {
            Gauge(label: "rivulet_shard_iterator_age_milliseconds", dimensions: dimensions).record(millisBehindLatest)
        }
    }

    /// A record's size as its producer sent it: what sealing added to stored data is not the caller's traffic (a
    /// sealed record's partition key is inside its data).
    private static func callerBytes(_ data: [UInt8], _ partitionKey: String, _ sealed: Bool) -> Int {
        data.count - (sealed ? RecordSealer.overheadBytes : 0) + partitionKey.utf8.count
    }

    /// A call or record refused by `--enforce-limits`; per shard when the stream enabled that shard-level metric.
    func recordThrottle(_ stream: StreamDescriptor, shardIndex: Int, metric: String) {
        Counter(label: "rivulet_throttled_total", dimensions: [("stream", stream.key.name), ("limit", metric)])
            .increment()
        guard stream.shardLevelMetrics.contains(metric) else { return }
        let label = metric == "WriteProvisionedThroughputExceeded"
            ? "rivulet_shard_write_throughput_exceeded_total" : "rivulet_shard_read_throughput_exceeded_total"
        Counter(label: label, dimensions: [("stream", stream.key.name), ("shard", ShardID(index: shardIndex).description)])
            .increment()
    }
}
