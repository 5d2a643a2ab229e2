import Foundation
import RivuletAggregation
import RivuletClient
import RivuletConsumer
import RivuletCore
import RivuletLeases
import RivuletWire

/// The consumer benchmark: fills a stream with user records (KPL aggregates of them, or one Kinesis record
/// each), then times one worker reading them all back from TRIM_HORIZON through the consumer library, aggregates
/// opened, with a processor that only counts.
struct ConsumerBench {
    struct Outcome {
        var userRecords: Int
        var kinesisRecords: Int
        var bytes: Int
        var putRequests: Int
        var elapsedSeconds: Double
    }

    let client: KinesisClient
    let stream: String
    let userRecords: Int
    let recordBytes: Int
    let aggregate: Bool
    let connections: Int
    let progress: @Sendable (String) -> Void

    /// Writes the records, spreading them over the stream's open shards by explicit hash key so every aggregate
    /// lands whole in the shard its user records belong to.
    func fill() async throws -> (kinesisRecords: Int, requests: Int) {
        let shards = try await client.listShards(ListShardsInput(streamName: stream)).shards ?? []
        let hashKeys = shards.filter { $0.sequenceNumberRange.endingSequenceNumber == nil }
            .map(\.hashKeyRange.startingHashKey)
        precondition(!hashKeys.isEmpty, "a stream always has an open shard")
        let requests = makeRequests(hashKeys: hashKeys)
        let kinesisRecords = requests.reduce(0) { $0 + $1.records.count }
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Caller n sends requests n, n + connections, ...: equal shares without shared state.
            for first in 0..<connections {
                group.addTask {
                    for index in stride(from: first, to: requests.count, by: connections) {
                        var pending = requests[index]
                        // Throttled entries are sent again until every one is in.
                        while !pending.records.isEmpty {
                            let output = try await client.putRecords(pending)
                            pending.records = zip(pending.records, output.records)
                                .filter { $0.1.errorCode != nil }.map(\.0)
                        }
                        if index % 20 == 0 { progress("filling: \(index)/\(requests.count) requests") }
                    }
                }
            }
            try await group.waitForAll()
        }
        return (kinesisRecords, requests.count)
    }

    /// Reads everything back with one worker and returns the time from start to the last user record.
    func consume() async throws -> Double {
        let counter = ProcessedCounter(target: userRecords)
        var configuration = ConsumerConfiguration(stream: stream, workerIdentifier: "bench")
        configuration.initialPosition = .trimHorizon
        configuration.idleTimeBetweenReadsMilliseconds = 50
        let scheduler = Scheduler(configuration: configuration, client: client, leaseStore: InMemoryLeaseStore()) {
            _ in CountingProcessor(counter: counter)
        }
        let started = ContinuousClock.now
        let elapsed = try await withThrowingTaskGroup(of: Double?.self) { group in
            group.addTask {
                try await scheduler.run()
                return nil
            }
            group.addTask {
                await counter.waitUntilDone(progress: progress)
                let duration = ContinuousClock.now - started
                scheduler.shutdown()
                return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
            var elapsed = 0.0
            for try await value in group {
                if let value { elapsed = value }
            }
            return elapsed
        }
        return elapsed
    }

    private func makeRequests(hashKeys: [String]) -> [PutRecordsInput] {
        let payload = [UInt8](repeating: UInt8(ascii: "r"), count: recordBytes)
        var requests: [PutRecordsInput] = []
        var entries: [PutRecordsRequestEntry] = []
        var entryBytes = 0
        func add(_ entry: PutRecordsRequestEntry) {
            let size = entry.data.count + entry.partitionKey.utf8.count
            if entries.count == Limits.putRecordsRecordsMax || entryBytes + size > 4 * 1024 * 1024 {
                requests.append(PutRecordsInput(records: entries, streamName: stream))
                entries = []
                entryBytes = 0
            }
            entries.append(entry)
            entryBytes += size
        }
        if aggregate {
            var builders = Array(repeating: AggregateBuilder(), count: hashKeys.count)
            for index in 0..<userRecords {
                let shard = index % hashKeys.count
                let record = UserRecord(partitionKey: "key-\(index % 1_000)", data: payload)
                if !builders[shard].isEmpty,
                    builders[shard].encodedSizeBytes(adding: record) > ConsumerBenchLimits.aggregateBytesMax
                {
                    add(PutRecordsRequestEntry(
                        data: builders[shard].encode(), explicitHashKey: hashKeys[shard], partitionKey: "a"))
                    builders[shard] = AggregateBuilder()
                }
                builders[shard].append(record)
            }
            for (shard, builder) in builders.enumerated() where builder.count > 0 {
                add(PutRecordsRequestEntry(data: builder.encode(), explicitHashKey: hashKeys[shard], partitionKey: "a"))
            }
        } else {
            for index in 0..<userRecords {
                add(PutRecordsRequestEntry(data: payload, partitionKey: "key-\(index)"))
            }
        }
        if !entries.isEmpty { requests.append(PutRecordsInput(records: entries, streamName: stream)) }
        return requests
    }
}
