import RivuletCore
import RivuletTestSupport
import RivuletWire
import Synchronization
import Testing

@testable import RivuletProducer

/// The producer's deadlines on a clock the test moves: a record goes out when its buffered time has passed on that
/// clock and not before, and expires when its time to live has. No test here waits for time to pass.
@Suite struct ProducerTimingTests {
    @Test func aRecordGoesOutOnlyOnceItsBufferedTimeHasPassed() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("patient", shardCount: 1)
        let clock = ManualClock()
        var configuration = testConfiguration()
        // Ten minutes: on the system clock no test run would see the record go out.
        configuration.recordMaxBufferedTimeMilliseconds = 600_000
        configuration.recordTimeToLiveMilliseconds = 3_600_000
        configuration.clock = clock
        try await withRunningProducer(stream: "patient", client: kinesis, configuration: configuration) { producer in
            try await eventually("the first map") { producer.currentShardMap != nil }
            try await producer.putWithoutWaiting([1, 2, 3], partitionKey: "k")
            // The producer ticks on its own meanwhile; on this clock no deadline can pass, so nothing may go out.
            try await Task.sleep(for: .milliseconds(300))
            #expect(producer.statistics().userRecordsPut == 0)
            clock.advance(milliseconds: 599_999)
            try await Task.sleep(for: .milliseconds(100))
            #expect(producer.statistics().userRecordsPut == 0)
            clock.advance(milliseconds: 1)
            try await eventually("the record sent at its deadline") { producer.statistics().userRecordsPut == 1 }
        }
        #expect(try await readStream(kinesis, "patient").count == 1)
    }

    @Test func aRecordExpiresOnlyOnceItsTimeToLiveHasPassed() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("doomed", shardCount: 1)
        kinesis.faults.failRecords(count: 1_000_000, code: .provisionedThroughputExceeded, message: "Rate exceeded")
        let clock = ManualClock()
        var configuration = testConfiguration()
        configuration.recordMaxBufferedTimeMilliseconds = 0
        configuration.recordTimeToLiveMilliseconds = 600_000
        configuration.clock = clock
        let outcome = Mutex<Result<PutRecordResult, ProducerError>?>(nil)
        try await withRunningProducer(stream: "doomed", client: kinesis, configuration: configuration) { producer in
            try await eventually("the first map") { producer.currentShardMap != nil }
            try await producer.put([1], partitionKey: "k") { result in outcome.withLock { $0 = result } }
            // Retried again and again, but on this clock its time to live never runs out.
            try await eventually("a few failed attempts") { producer.statistics().retries >= 3 }
            #expect(outcome.withLock { $0 } == nil)
            clock.advance(milliseconds: 600_001)
            try await eventually("the record expired") { outcome.withLock { $0 } != nil }
        }
        guard case .failure(.expired(let attempts, _)) = outcome.withLock({ $0 }) else {
            Issue.record("expected expiry, got \(String(describing: outcome.withLock { $0 }))")
            return
        }
        #expect(attempts >= 3)
    }
}
