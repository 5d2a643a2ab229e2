import Foundation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import Synchronization
import Testing

@testable import RivuletProducer

/// `put(_:partitionKey:onCompletion:)`, retry backoff, records that never expire, and `abort()`: what a caller that
/// keeps many records in flight without a task each (the agent) relies on.
@Suite struct ProducerCallbackTests {
    @Test func everyCallbackIsCalledOnceWithItsRecordsResult() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("callbacks", shardCount: 3)
        let results = Mutex<[Int: PutRecordResult]>([:])
        let calls = SharedCount()
        try await withRunningProducer(stream: "callbacks", client: kinesis, configuration: testConfiguration()) {
            producer in
            for index in 0..<2_000 {
                try await producer.put(payload(index), partitionKey: "key-\(index)") { result in
                    calls.add(1)
                    if case .success(let put) = result {
                        results.withLock { $0[index] = put }
                    }
                }
            }
            await producer.flush()
        }
        #expect(calls.value == 2_000)
        let settled = results.withLock { $0 }
        #expect(settled.count == 2_000)
        let positions = Set(settled.values.map { "\($0.sequenceNumber)/\($0.subSequenceNumber ?? -1)" })
        #expect(positions.count == 2_000)
    }

    @Test func failedRecordsWaitOutAGrowingBackoff() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("backoff", shardCount: 1)
        kinesis.faults.failRecords(count: 3)
        var configuration = testConfiguration()
        configuration.retryBackoffInitialMilliseconds = 100
        configuration.retryBackoffMaxMilliseconds = 10_000
        let started = ContinuousClock.now
        let result = try await withRunningProducer(stream: "backoff", client: kinesis, configuration: configuration) {
            producer in
            try await producer.put(payload(1), partitionKey: "only")
        }
        let elapsed = ContinuousClock.now - started
        #expect(result.attempts == 4)
        // Waits of 100, 200 and 400 ms, each at least 70% of itself: a lower bound, which load cannot break.
        #expect(elapsed >= .milliseconds(490))
    }

    @Test func recordsThatNeverExpireOutlastRepeatedFailures() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("patient", shardCount: 1)
        kinesis.faults.failCalls(
            .putRecords, count: 6,
            with: .service(KinesisError(.internalFailure, "injected"), httpStatus: 500, requestId: nil))
        var configuration = testConfiguration()
        configuration.recordTimeToLiveMilliseconds = .max
        configuration.retryBackoffInitialMilliseconds = 5
        configuration.retryBackoffMaxMilliseconds = 20
        let result = try await withRunningProducer(stream: "patient", client: kinesis, configuration: configuration) {
            producer in
            try await producer.put(payload(7), partitionKey: "only")
        }
        #expect(result.attempts == 7)
    }

    @Test func abortFailsWhatIsOutstandingAndEndsRun() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("aborted", shardCount: 1)
        let gated = GatedKinesis(kinesis)
        gated.close()
        var configuration = testConfiguration()
        configuration.recordTimeToLiveMilliseconds = .max
        let producer = Producer(stream: "aborted", client: gated, configuration: configuration)
        let cancelled = SharedCount()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await producer.run() }
            for index in 0..<100 {
                try await producer.put(payload(index), partitionKey: "k\(index)") { result in
                    if case .failure(.cancelled) = result { cancelled.add(1) }
                }
            }
            producer.abort()
            try await group.waitForAll()
        }
        #expect(cancelled.value == 100)
        await #expect(throws: ProducerError.self) {
            try await producer.putWithoutWaiting(payload(1), partitionKey: "late")
        }
    }
}
