import RivuletClient
import RivuletTestSupport
import RivuletWire
import Synchronization
import Testing

@testable import RivuletProducer

@Suite struct ProducerBackPressureTests {
    @Test func putWaitsForRoomAndOutstandingNeverExceedsTheBound() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("bounded", shardCount: 2)
        let gated = GatedKinesis(kinesis)
        gated.close()
        var configuration = testConfiguration()
        configuration.outstandingRecordsMax = 50
        configuration.requestsInFlightMax = 2
        let accepted = SharedCount()
        let mostOutstanding = SharedCount()
        try await withRunningProducer(stream: "bounded", client: gated, configuration: configuration) { producer in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for index in 0..<400 {
                        try await producer.putWithoutWaiting(payload(index), partitionKey: "k\(index)")
                        accepted.add(1)
                        let outstanding = producer.outstandingRecordCount
                        mostOutstanding.raise(to: outstanding)
                    }
                }
                // With the endpoint stalled, the caller gets exactly as far as the bound allows.
                try await eventually("the producer to fill up") { accepted.value == 50 }
                #expect(producer.outstandingRecordCount == 50)
                gated.reopen()
                try await group.waitForAll()
            }
            await producer.flush()
            #expect(producer.statistics().userRecordsPut == 400)
        }
        #expect(mostOutstanding.value <= 50)
        #expect(gated.callsInFlightMost <= 2)
    }

    @Test func theByteBoundHoldsToo() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("bytes", shardCount: 1)
        let gated = GatedKinesis(kinesis)
        gated.close()
        var configuration = testConfiguration()
        configuration.outstandingBytesMax = 10_000
        let accepted = SharedCount()
        try await withRunningProducer(stream: "bytes", client: gated, configuration: configuration) { producer in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for index in 0..<100 {
                        // 999 bytes of data plus a one-byte key: ten fit in 10,000 bytes.
                        try await producer.putWithoutWaiting(Array(repeating: UInt8(index), count: 999), partitionKey: "k")
                        accepted.add(1)
                    }
                }
                try await eventually("the producer to fill up") { accepted.value == 10 }
                #expect(producer.outstandingRecordCount == 10)
                gated.reopen()
                try await group.waitForAll()
            }
        }
    }

    @Test func awaitingCallersAreServedInOrderOnceThereIsRoom() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("queued", shardCount: 1)
        let gated = GatedKinesis(kinesis)
        gated.close()
        var configuration = testConfiguration()
        configuration.outstandingRecordsMax = 5
        let results = try await withRunningProducer(stream: "queued", client: gated, configuration: configuration) {
            producer in
            try await withThrowingTaskGroup(of: PutRecordResult.self) { group in
                for index in 0..<40 {
                    group.addTask { try await producer.put(payload(index), partitionKey: "k\(index)") }
                }
                try await eventually("the producer to fill up") { producer.outstandingRecordCount == 5 }
                gated.reopen()
                var results: [PutRecordResult] = []
                for try await result in group { results.append(result) }
                return results
            }
        }
        #expect(results.count == 40)
    }
}

/// A number shared between a test and the tasks it starts.
final class SharedCount: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }
    func add(_ amount: Int) { count.add(amount, ordering: .relaxed) }
    func raise(to candidate: Int) { count.max(candidate, ordering: .relaxed) }
}
