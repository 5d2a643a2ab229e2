import Logging
import RivuletClient
import RivuletCore
import RivuletWire
import Synchronization

/// The load generator behind `rivulet bench`: it runs the configured workloads against any Kinesis endpoint through
/// the typed client, the same way an application would, and reports what it measured.
public struct BenchRunner: Sendable {
    private let client: KinesisClient
    private let configuration: BenchConfiguration
    private let progress: @Sendable (String) -> Void

    /// `progress` receives a status line about once a second while a workload runs.
    public init(
        client: KinesisClient, configuration: BenchConfiguration, progress: @escaping @Sendable (String) -> Void
    ) {
        self.client = client
        self.configuration = configuration
        self.progress = progress
    }

    public func run() async throws -> [BenchResult] {
        try await BenchStream(client: client, name: configuration.streamName).prepare(
            shardCount: configuration.shardCount)
        var results: [BenchResult] = []
        for workload in configuration.workloads {
            switch workload {
            case .putRecords: results.append(try await putRecords())
            case .putRecord: results.append(try await putRecord())
            case .getRecords: results.append(try await getRecords())
            }
        }
        if configuration.deleteStream {
            _ = try await client.deleteStream(DeleteStreamInput(streamName: configuration.streamName))
        }
        return results
    }

    // MARK: PutRecords

    private func putRecords() async throws -> BenchResult {
        let shape = "PutRecords of \(configuration.recordsPerRequest) x \(configuration.recordBytes) B records over "
            + "\(configuration.connections) connections"
        let counters = ProgressCounters()
        let started = ContinuousClock.now
        let deadline = started + .seconds(configuration.durationSeconds)
        let tally = try await withThrowingTaskGroup(of: WorkerTally.self) { group in
            for worker in 0..<configuration.connections {
                group.addTask {
                    try await putRecordsWorker(worker: worker, until: deadline, counters: counters)
                }
            }
            group.addTask { await report("put-records", started: started, counters: counters); return WorkerTally() }
            var total = WorkerTally()
            for _ in 0..<configuration.connections {
                if let tally = try await group.next() { total.merge(tally) }
            }
            group.cancelAll()
            return total
        }
        return tally.result(.putRecords, shape: shape, elapsed: started.duration(to: .now))
    }

    private func putRecordsWorker(
        worker: Int, until deadline: ContinuousClock.Instant, counters: ProgressCounters
    ) async throws -> WorkerTally {
        let payload = BenchPayload(recordBytes: configuration.recordBytes)
        let entries = (0..<configuration.recordsPerRequest).map { index in
            PutRecordsRequestEntry(data: payload.bytes, partitionKey: "bench-\(worker)-\(index)")
        }
        let input = PutRecordsInput(records: entries, streamName: configuration.streamName)
        var tally = WorkerTally()
        while ContinuousClock.now < deadline {
            let sent = ContinuousClock.now
            let output = try await client.putRecords(input)
            tally.latency.record(nanoseconds: sent.duration(to: .now).nanoseconds)
            let failed = output.failedRecordCount ?? 0
            tally.add(records: entries.count - failed, bytes: (entries.count - failed) * payload.bytes.count, failed: failed)
            counters.records.add(entries.count - failed, ordering: .relaxed)
        }
        return tally
    }

    // MARK: PutRecord

    private func putRecord() async throws -> BenchResult {
        let shape = "PutRecord of one \(configuration.recordBytes) B record at a time over 1 connection"
        let payload = BenchPayload(recordBytes: configuration.recordBytes)
        let counters = ProgressCounters()
        let started = ContinuousClock.now
        let deadline = started + .seconds(configuration.durationSeconds)
        let tally = try await withThrowingTaskGroup(of: WorkerTally.self) { group in
            group.addTask {
                var tally = WorkerTally()
                var sequence = 0
                while ContinuousClock.now < deadline {
                    let sent = ContinuousClock.now
                    _ = try await client.putRecord(
                        PutRecordInput(
                            streamName: configuration.streamName, data: payload.bytes,
                            partitionKey: "single-\(sequence)"))
                    tally.latency.record(nanoseconds: sent.duration(to: .now).nanoseconds)
                    tally.add(records: 1, bytes: payload.bytes.count, failed: 0)
                    counters.records.add(1, ordering: .relaxed)
                    sequence += 1
                }
                return tally
            }
            group.addTask { await report("put-record", started: started, counters: counters); return WorkerTally() }
            let tally = try await group.next() ?? WorkerTally()
            group.cancelAll()
            return tally
        }
        return tally.result(.putRecord, shape: shape, elapsed: started.duration(to: .now))
    }

    // MARK: GetRecords

    private func getRecords() async throws -> BenchResult {
        let shards = try await client.listShards(ListShardsInput(streamName: configuration.streamName)).shards ?? []
        let readers = min(configuration.readersMax, shards.count)
        let shape = "GetRecords of up to \(Limits.getRecordsRecordsMax) records from TRIM_HORIZON to the tip of "
            + "\(shards.count) shards, \(readers) readers"
        let counters = ProgressCounters()
        let started = ContinuousClock.now
        let tally = try await withThrowingTaskGroup(of: WorkerTally.self) { group in
            var pending = shards.makeIterator()
            var running = 0
            var total = WorkerTally()
            func startNext() {
                guard let shard = pending.next() else { return }
                running += 1
                group.addTask { try await readShard(shard.shardId, counters: counters) }
            }
            for _ in 0..<readers { startNext() }
            group.addTask { await report("get-records", started: started, counters: counters); return WorkerTally() }
            while running > 0, let tally = try await group.next() {
                if tally.isReporter { continue }
                running -= 1
                total.merge(tally)
                startNext()
            }
            group.cancelAll()
            return total
        }
        return tally.result(.getRecords, shape: shape, elapsed: started.duration(to: .now))
    }

    private func readShard(_ shardId: String, counters: ProgressCounters) async throws -> WorkerTally {
        var tally = WorkerTally()
        var iterator = try await client.getShardIterator(
            GetShardIteratorInput(
                streamName: configuration.streamName, shardId: shardId, shardIteratorType: .trimHorizon)
        ).shardIterator
        while let current = iterator {
            let sent = ContinuousClock.now
            let output = try await client.getRecords(
                GetRecordsInput(shardIterator: current, limit: Limits.getRecordsRecordsMax))
            tally.latency.record(nanoseconds: sent.duration(to: .now).nanoseconds)
            let bytes = output.records.reduce(0) { $0 + $1.data.count }
            tally.add(records: output.records.count, bytes: bytes, failed: 0)
            counters.records.add(output.records.count, ordering: .relaxed)
            if output.records.isEmpty && (output.millisBehindLatest ?? 0) == 0 { break }
            iterator = output.nextShardIterator
        }
        return tally
    }

    // MARK: Progress

    /// Prints a status line every second until cancelled; returns a tally marked as the reporter's.
    private func report(_ name: String, started: ContinuousClock.Instant, counters: ProgressCounters) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(1)) } catch { return }
            let elapsed = started.duration(to: .now).seconds
            let records = counters.records.load(ordering: .relaxed)
            progress(
                "\(name): \(formatted(elapsed, digits: 1)) s, \(records) records, "
                    + "\(formatted(Double(records) / max(elapsed, 0.001), digits: 0)) records/s")
        }
    }
}

/// Counters shared by a workload's tasks for the progress line.
final class ProgressCounters: Sendable {
    let records = Atomic<Int>(0)
}

/// Record data of the configured size: printable bytes, so a reader can look at what the bench wrote.
struct BenchPayload {
    let bytes: [UInt8]

    init(recordBytes: Int) {
        bytes = (0..<recordBytes).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
