import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import RivuletWire
import Synchronization
import Testing

@testable import RivuletProducer

/// Runs `body` with a producer whose `run()` is running, then shuts it down and waits for `run()` to return.
func withRunningProducer<Result: Sendable>(
    stream: String, client: any KinesisDataPlane, configuration: ProducerConfiguration = ProducerConfiguration(),
    _ body: @Sendable (Producer) async throws -> Result
) async throws -> Result {
    let producer = Producer(stream: stream, client: client, configuration: configuration)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await producer.run() }
        do {
            let result = try await body(producer)
            await producer.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

/// Polls `condition` until it holds, failing after a deadline generous enough for a loaded machine.
func eventually(
    _ what: String, deadlineSeconds: Double = 60, _ condition: @Sendable () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(deadlineSeconds)
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("timed out waiting for \(what)")
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// A Kinesis record read back from a shard, with the user records it holds.
struct StoredKinesisRecord {
    var shardId: String
    var sequenceNumber: String
    var partitionKey: String
    var data: [UInt8]
    var deaggregation: Deaggregation

    /// The user records, with sub-sequence numbers for aggregated ones and nil for raw ones.
    var userRecords: [(record: UserRecord, subSequenceNumber: Int64?)] {
        switch deaggregation {
        case .aggregated(let records):
            records.map {
                (UserRecord(partitionKey: $0.partitionKey, explicitHashKey: $0.explicitHashKey, data: $0.data),
                 $0.subSequenceNumber)
            }
        case .notAggregated, .corrupt:
            [(UserRecord(partitionKey: partitionKey, data: data), nil)]
        }
    }
}

/// Everything a stream holds, shard by shard, from the trim horizon.
func readStream(_ kinesis: InProcessKinesis, _ stream: String) async throws -> [StoredKinesisRecord] {
    let shards = try await kinesis.listShards(ListShardsInput(streamName: stream)).shards ?? []
    var stored: [StoredKinesisRecord] = []
    for shard in shards {
        var iterator = try await kinesis.getShardIterator(
            GetShardIteratorInput(streamName: stream, shardId: shard.shardId, shardIteratorType: .trimHorizon)
        ).shardIterator
        while let current = iterator {
            let output = try await kinesis.getRecords(GetRecordsInput(shardIterator: current, limit: 10_000))
            for record in output.records {
                stored.append(
                    StoredKinesisRecord(
                        shardId: shard.shardId, sequenceNumber: record.sequenceNumber,
                        partitionKey: record.partitionKey, data: record.data,
                        deaggregation: AggregatedRecordFormat.deaggregate(record.data)))
            }
            if output.records.isEmpty { break }
            iterator = output.nextShardIterator
        }
    }
    return stored
}

/// The open shards' hash key ranges.
func shardRanges(_ kinesis: InProcessKinesis, _ stream: String) async throws -> ShardMap {
    ShardMap(shards: try await kinesis.listShards(ListShardsInput(streamName: stream)).shards ?? [])
}

/// A configuration for tests: short deadlines so that they run quickly, rate limits off unless a test wants them.
func testConfiguration() -> ProducerConfiguration {
    var configuration = ProducerConfiguration()
    configuration.recordMaxBufferedTimeMilliseconds = 20
    configuration.rateLimitPercent = nil
    configuration.failedCallRetryDelayMilliseconds = 10
    configuration.shardMapRefreshMinimumIntervalMilliseconds = 50
    return configuration
}

/// A Kinesis twin whose PutRecords calls wait while the gate is closed, counting how many are in flight.
final class GatedKinesis: KinesisDataPlane, Sendable {
    let inner: InProcessKinesis
    private let open = Mutex(true)
    private let inFlight = Mutex((now: 0, most: 0))

    init(_ inner: InProcessKinesis) {
        self.inner = inner
    }

    func close() { open.withLock { $0 = false } }
    func reopen() { open.withLock { $0 = true } }
    var callsInFlightMost: Int { inFlight.withLock { $0.most } }

    func putRecords(_ input: PutRecordsInput) async throws -> PutRecordsOutput {
        inFlight.withLock {
            $0.now += 1
            $0.most = max($0.most, $0.now)
        }
        defer { inFlight.withLock { $0.now -= 1 } }
        while !open.withLock({ $0 }) {
            try await Task.sleep(for: .milliseconds(2))
        }
        return try await inner.putRecords(input)
    }

    func listShards(_ input: ListShardsInput) async throws -> ListShardsOutput { try await inner.listShards(input) }
    func describeStreamSummary(_ input: DescribeStreamSummaryInput) async throws -> DescribeStreamSummaryOutput {
        try await inner.describeStreamSummary(input)
    }
    func getShardIterator(_ input: GetShardIteratorInput) async throws -> GetShardIteratorOutput {
        try await inner.getShardIterator(input)
    }
    func getRecords(_ input: GetRecordsInput) async throws -> GetRecordsOutput { try await inner.getRecords(input) }
}

/// Distinct, recognisable data for record number `index`.
func payload(_ index: Int, bytes: Int = 40) -> [UInt8] {
    let label = Array("record-\(index)-".utf8)
    return label + Array(repeating: UInt8(index % 251), count: max(0, bytes - label.count))
}
