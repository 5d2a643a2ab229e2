import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import RivuletWire
import Testing

@testable import RivuletProducer

@Suite struct ProducerShardMapTests {
    @Test func aStaleMapIsReplacedAfterAWrongShardResult() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("moving", shardCount: 2)
        var configuration = testConfiguration()
        configuration.shardMapRefreshIntervalMilliseconds = 3_600_000
        try await withRunningProducer(stream: "moving", client: kinesis, configuration: configuration) { producer in
            try await eventually("the first map") { producer.currentShardMap?.count == 2 }
            let real = producer.currentShardMap!
            // A map that believes the first shard covers every key.
            let stale = ShardMap(entries: [
                ShardMap.Entry(shardId: real.entries[0].shardId, startingHashKey: 0, endingHashKey: .max)
            ])
            producer.installShardMapForTesting(stale)
            for index in 0..<400 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "key-\(index)")
            }
            await producer.flush()
            try await eventually("the map to be reloaded") { producer.currentShardMap == real }
            #expect(producer.statistics().shardMapChanges >= 2)
            // Once reloaded, aggregates are again formed per real shard.
            for index in 400..<800 {
                try await producer.putWithoutWaiting(Array("late-\(index)".utf8), partitionKey: "key-\(index)")
            }
            await producer.flush()
        }
        let stored = try await readStream(kinesis, "moving")
        #expect(Set(stored.flatMap { $0.userRecords.map(\.record.data) }).count == 800)
        let map = try await shardRanges(kinesis, "moving")
        let lateRecords = stored.filter { stored in
            stored.userRecords.contains { $0.record.data.starts(with: Array("late-".utf8)) }
        }
        #expect(!lateRecords.isEmpty)
        for kinesisRecord in lateRecords {
            for (record, _) in kinesisRecord.userRecords {
                let index = map.index(of: HashKey.of(partitionKey: record.partitionKey))!
                #expect(map.entries[index].shardId == kinesisRecord.shardId)
            }
        }
    }

    @Test func aSplitShardIsNoticedAndRecordsFollowTheChildren() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("split", shardCount: 1)
        var configuration = testConfiguration()
        configuration.shardMapRefreshIntervalMilliseconds = 3_600_000
        try await withRunningProducer(stream: "split", client: kinesis, configuration: configuration) { producer in
            _ = try await producer.put([0], partitionKey: "before")
            _ = try await kinesis.send(
                SplitShardOperation.self,
                SplitShardInput(
                    streamName: "split", shardToSplit: "shardId-000000000000",
                    newStartingHashKey: String(UInt128.max / 2)))
            for index in 0..<200 {
                _ = try await producer.put(payload(index), partitionKey: "after-\(index)")
            }
            try await eventually("the map to show the children") { producer.currentShardMap?.count == 2 }
        }
        let stored = try await readStream(kinesis, "split")
        #expect(stored.reduce(0) { $0 + $1.userRecords.count } == 201)
    }

    @Test func recordsGoOutRawWhenNoMapCanBeLoaded() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("blind", shardCount: 2)
        kinesis.faults.failCalls(
            .listShards, count: 1_000_000,
            with: .service(KinesisError(.accessDenied, "not allowed"), httpStatus: 400, requestId: nil))
        let statistics = try await withRunningProducer(stream: "blind", client: kinesis, configuration: testConfiguration()) {
            producer in
            for index in 0..<50 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "k\(index)")
            }
            await producer.flush()
            return producer.statistics()
        }
        #expect(statistics.userRecordsPut == 50)
        #expect(statistics.kinesisRecordsPut == 50)
    }
}

@Suite struct ShardMapTests {
    @Test func findsTheShardHoldingAHashKeyAndSkipsClosedShards() {
        let map = ShardMap(shards: [
            Shard(
                shardId: "b", hashKeyRange: WireHashKeyRange(startingHashKey: "100", endingHashKey: "199"),
                sequenceNumberRange: SequenceNumberRange(startingSequenceNumber: "1")),
            Shard(
                shardId: "a", hashKeyRange: WireHashKeyRange(startingHashKey: "0", endingHashKey: "99"),
                sequenceNumberRange: SequenceNumberRange(startingSequenceNumber: "1")),
            Shard(
                shardId: "closed", hashKeyRange: WireHashKeyRange(startingHashKey: "0", endingHashKey: "199"),
                sequenceNumberRange: SequenceNumberRange(startingSequenceNumber: "1", endingSequenceNumber: "2")),
            Shard(
                shardId: "c", hashKeyRange: WireHashKeyRange(startingHashKey: "300", endingHashKey: String(UInt128.max)),
                sequenceNumberRange: SequenceNumberRange(startingSequenceNumber: "1")),
        ])
        #expect(map.entries.map(\.shardId) == ["a", "b", "c"])
        #expect(map.index(of: 0) == 0)
        #expect(map.index(of: 99) == 0)
        #expect(map.index(of: 100) == 1)
        #expect(map.index(of: 199) == 1)
        #expect(map.index(of: 250) == nil)
        #expect(map.index(of: 300) == 2)
        #expect(map.index(of: .max) == 2)
    }
}

@Suite struct FlushTrackerTests {
    @Test func aFlushWaitsForEveryEarlierRecordOnly() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            var tracker = FlushTracker()
            let first = tracker.accepted()
            let second = tracker.accepted()
            var resumed: [CheckedContinuation<Void, Never>] = []
            let waits = tracker.addWaiter(done)
            #expect(waits)
            let later = tracker.accepted()
            tracker.finished(epoch: later, resumed: &resumed)
            #expect(resumed.isEmpty)
            tracker.finished(epoch: second, resumed: &resumed)
            #expect(resumed.isEmpty)
            tracker.finished(epoch: first, resumed: &resumed)
            #expect(resumed.count == 1)
            resumed.forEach { $0.resume() }
        }
    }
}
