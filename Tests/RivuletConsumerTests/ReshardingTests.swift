import RivuletClient
import RivuletConsumer
import RivuletLeases
import RivuletTestSupport
import RivuletWire
import Testing

/// A split and then a merge while records flow: per partition key, the worker processes every record once and
/// in order, parents before children.
@Suite struct ReshardingTests {
    @Test func perKeyOrderHoldsAcrossASplitAndAMerge() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("orders", shardCount: 2)
        let store = InMemoryLeaseStore()
        let log = ProcessedLog()
        var configuration = ConsumerConfiguration(stream: "orders", workerIdentifier: "w1")
        configuration.failoverTimeMilliseconds = 900
        configuration.idleTimeBetweenReadsMilliseconds = 10
        configuration.shardSyncIntervalMilliseconds = 200
        let scheduler = Scheduler(configuration: configuration, client: kinesis, leaseStore: store) { _ in
            RecordingProcessor(worker: "w1", log: log)
        }
        let keys = (0..<12).map { "key-\($0)" }
        var written: [String: Int] = [:]
        func write(rounds: Int) async throws {
            for _ in 0..<rounds {
                let entries = keys.map { key in
                    let next = written[key, default: 0]
                    written[key] = next + 1
                    return PutRecordsRequestEntry(data: Array("\(key):\(next)".utf8), partitionKey: key)
                }
                let output = try await kinesis.putRecords(PutRecordsInput(records: entries, streamName: "orders"))
                #expect(output.failedRecordCount ?? 0 == 0)
            }
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await scheduler.run() }
            try await write(rounds: 20)
            _ = try await kinesis.send(
                SplitShardOperation.self,
                SplitShardInput(
                    streamName: "orders", shardToSplit: "shardId-000000000000",
                    newStartingHashKey: "85070591730234615865843651857942052864"))
            try await write(rounds: 20)
            try await eventually("the split's children processed from") {
                log.deliveries.contains { $0.shardId == "shardId-000000000003" }
            }
            _ = try await kinesis.send(
                MergeShardsOperation.self,
                MergeShardsInput(
                    streamName: "orders", shardToMerge: "shardId-000000000002",
                    adjacentShardToMerge: "shardId-000000000003"))
            try await write(rounds: 20)
            let total = written.values.reduce(0, +)
            try await eventually("every record processed") { log.deliveries.count >= total }
            scheduler.shutdown()
            try await group.waitForAll()
        }

        var seen: [String: [Int]] = [:]
        for text in log.texts {
            let parts = text.split(separator: ":")
            seen[String(parts[0]), default: []].append(Int(parts[1])!)
        }
        for key in keys {
            #expect(seen[key] == Array(0..<written[key]!), "records of \(key) out of order or missing")
        }
        let ended = log.events.compactMap { event -> String? in
            if case .shardEnded(_, let shardId) = event { shardId } else { nil }
        }
        #expect(Set(ended) == ["shardId-000000000000", "shardId-000000000002", "shardId-000000000003"])
        let leases = try await store.listLeases()
        #expect(leases.first { $0.leaseKey == "shardId-000000000004" }?.parentShardIds.sorted()
            == ["shardId-000000000002", "shardId-000000000003"])
    }
}
