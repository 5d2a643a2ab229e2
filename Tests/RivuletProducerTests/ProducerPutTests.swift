import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import RivuletWire
import Testing

@testable import RivuletProducer

@Suite struct ProducerPutTests {
    @Test func resultsNameTheShardAndSequenceNumberTheRecordWasStoredUnder() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("orders", shardCount: 4)
        let results = try await withRunningProducer(stream: "orders", client: kinesis, configuration: testConfiguration()) {
            producer in
            try await withThrowingTaskGroup(of: (Int, PutRecordResult).self) { group in
                for index in 0..<300 {
                    group.addTask {
                        (index, try await producer.put(payload(index), partitionKey: "customer-\(index % 37)"))
                    }
                }
                var results: [Int: PutRecordResult] = [:]
                for try await (index, result) in group { results[index] = result }
                return results
            }
        }
        let map = try await shardRanges(kinesis, "orders")
        let stored = try await readStream(kinesis, "orders")
        var byPosition: [String: UserRecord] = [:]
        for kinesisRecord in stored {
            for (record, subSequence) in kinesisRecord.userRecords {
                byPosition["\(kinesisRecord.shardId)/\(kinesisRecord.sequenceNumber)/\(subSequence ?? -1)"] = record
            }
        }
        #expect(results.count == 300)
        for (index, result) in results {
            let key = "customer-\(index % 37)"
            let expectedShard = map.entries[map.index(of: HashKey.of(partitionKey: key))!].shardId
            #expect(result.shardId == expectedShard)
            let found = byPosition["\(result.shardId)/\(result.sequenceNumber)/\(result.subSequenceNumber ?? -1)"]
            #expect(found == UserRecord(partitionKey: key, data: payload(index)))
        }
    }

    @Test func aggregatesOnlyRecordsOfTheSameShard() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("clicks", shardCount: 3)
        let statistics = try await withRunningProducer(
            stream: "clicks", client: kinesis, configuration: testConfiguration()
        ) { producer in
            for index in 0..<2_000 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "user-\(index)")
            }
            await producer.flush()
            return producer.statistics()
        }
        #expect(statistics.userRecordsPut == 2_000)
        let map = try await shardRanges(kinesis, "clicks")
        let stored = try await readStream(kinesis, "clicks")
        var seen = Set<[UInt8]>()
        var aggregates = 0
        for kinesisRecord in stored {
            if case .aggregated = kinesisRecord.deaggregation { aggregates += 1 }
            for (record, _) in kinesisRecord.userRecords {
                let predicted = map.entries[map.index(of: HashKey.of(partitionKey: record.partitionKey))!].shardId
                #expect(predicted == kinesisRecord.shardId)
                #expect(seen.insert(record.data).inserted, "a record was stored twice")
            }
        }
        #expect(seen.count == 2_000)
        #expect(aggregates > 0)
        #expect(stored.count < 2_000)
        #expect(statistics.kinesisRecordsPut == stored.count)
    }

    @Test func aLoneRecordIsSentRaw() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("single", shardCount: 2)
        let result = try await withRunningProducer(stream: "single", client: kinesis, configuration: testConfiguration()) {
            try await $0.put(Array("only one".utf8), partitionKey: "lonely")
        }
        #expect(result.subSequenceNumber == nil)
        let stored = try await readStream(kinesis, "single")
        #expect(stored.count == 1)
        #expect(stored.first?.data == Array("only one".utf8))
        #expect(stored.first?.partitionKey == "lonely")
        #expect(stored.first?.deaggregation == .notAggregated)
    }

    @Test func withAggregationOffEveryRecordIsItsOwnKinesisRecord() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("plain", shardCount: 2)
        var configuration = testConfiguration()
        configuration.aggregationEnabled = false
        try await withRunningProducer(stream: "plain", client: kinesis, configuration: configuration) { producer in
            for index in 0..<700 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "k\(index % 5)")
            }
            await producer.flush()
        }
        let stored = try await readStream(kinesis, "plain")
        #expect(stored.count == 700)
        #expect(stored.allSatisfy { $0.deaggregation == .notAggregated })
    }

    @Test func anExplicitHashKeyRoutesTheRecord() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("routed", shardCount: 4)
        let map = try await shardRanges(kinesis, "routed")
        let target = map.entries[2]
        let result = try await withRunningProducer(stream: "routed", client: kinesis, configuration: testConfiguration()) {
            try await $0.put([1, 2, 3], partitionKey: "anything", explicitHashKey: String(target.startingHashKey))
        }
        #expect(result.shardId == target.shardId)
    }

    @Test func aggregatesRespectTheSizeBound() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("bounded", shardCount: 1)
        var configuration = testConfiguration()
        configuration.aggregationMaxSizeBytes = 4_096
        try await withRunningProducer(stream: "bounded", client: kinesis, configuration: configuration) { producer in
            for index in 0..<1_000 {
                try await producer.putWithoutWaiting(payload(index, bytes: 100), partitionKey: "p\(index)")
            }
            await producer.flush()
        }
        let stored = try await readStream(kinesis, "bounded")
        #expect(stored.allSatisfy { $0.data.count <= 4_096 })
        #expect(stored.reduce(0) { $0 + $1.userRecords.count } == 1_000)
        #expect(stored.count >= 1_000 * 100 / 4_096)
    }
}
