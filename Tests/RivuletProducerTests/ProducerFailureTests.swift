import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import RivuletWire
import Testing

@testable import RivuletProducer

@Suite struct ProducerFailureTests {
    @Test func failedRecordsAreRetriedWithoutLossOrDuplicates() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("retried", shardCount: 3)
        kinesis.faults.failRecords(count: 40)
        let statistics = try await withRunningProducer(
            stream: "retried", client: kinesis, configuration: testConfiguration()
        ) { producer in
            for index in 0..<3_000 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "k\(index % 50)")
            }
            await producer.flush()
            return producer.statistics()
        }
        #expect(statistics.userRecordsPut == 3_000)
        #expect(statistics.retries > 0)
        let stored = try await readStream(kinesis, "retried")
        let data = stored.flatMap { $0.userRecords.map(\.record.data) }
        #expect(data.count == 3_000)
        #expect(Set(data).count == 3_000)
    }

    @Test func aFailedRecordReportsTheAttemptsItTook() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("attempts", shardCount: 1)
        kinesis.faults.failRecords(count: 2)
        let result = try await withRunningProducer(stream: "attempts", client: kinesis, configuration: testConfiguration()) {
            try await $0.put([7], partitionKey: "k")
        }
        #expect(result.attempts == 3)
    }

    @Test func wholeCallFailuresAreRetried() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("calls", shardCount: 2)
        kinesis.faults.failCalls(
            .putRecords, count: 3,
            with: .service(KinesisError.internalFailure(), httpStatus: 500, requestId: nil))
        let statistics = try await withRunningProducer(
            stream: "calls", client: kinesis, configuration: testConfiguration()
        ) { producer in
            for index in 0..<500 {
                try await producer.putWithoutWaiting(payload(index), partitionKey: "k\(index)")
            }
            await producer.flush()
            return producer.statistics()
        }
        #expect(statistics.userRecordsPut == 500)
        let stored = try await readStream(kinesis, "calls")
        #expect(Set(stored.flatMap { $0.userRecords.map(\.record.data) }).count == 500)
    }

    @Test func aRecordExpiresAfterItsTimeToLiveWithTheLastError() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("doomed", shardCount: 1)
        kinesis.faults.failRecords(count: 100_000, code: .provisionedThroughputExceeded, message: "Rate exceeded")
        var configuration = testConfiguration()
        configuration.recordTimeToLiveMilliseconds = 1_500
        let outcome = try await withRunningProducer(stream: "doomed", client: kinesis, configuration: configuration) {
            producer in
            // With the map loaded the record is sent within the buffered time, well inside its time to live.
            try await eventually("the first map") { producer.currentShardMap != nil }
            do throws(ProducerError) {
                return Result<PutRecordResult, ProducerError>.success(try await producer.put([1], partitionKey: "k"))
            } catch {
                return .failure(error)
            }
        }
        guard case .failure(.expired(let attempts, let lastError)) = outcome else {
            Issue.record("expected expiry, got \(outcome)")
            return
        }
        #expect(attempts >= 1)
        #expect(lastError == ProducerAttemptError(code: "ProvisionedThroughputExceededException", message: "Rate exceeded"))
    }

    @Test func invalidInputIsRefusedAtOnce() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("checked", shardCount: 1)
        var configuration = testConfiguration()
        configuration.recordBytesMax = 1_000
        configuration.aggregationMaxSizeBytes = 1_000
        try await withRunningProducer(stream: "checked", client: kinesis, configuration: configuration) { producer in
            await #expect(throws: ProducerError.invalidPartitionKey(reason: "it is empty")) {
                try await producer.put([1], partitionKey: "")
            }
            await #expect(throws: ProducerError.self) {
                try await producer.put([1], partitionKey: String(repeating: "x", count: 257))
            }
            // 256 characters that take more than 256 bytes in UTF-8 are still a valid key.
            _ = try await producer.put([1], partitionKey: String(repeating: "\u{00E9}", count: 256))
            await #expect(throws: ProducerError.invalidExplicitHashKey("-1")) {
                try await producer.put([1], partitionKey: "k", explicitHashKey: "-1")
            }
            await #expect(throws: ProducerError.invalidExplicitHashKey(String(UInt128.max) + "0")) {
                try await producer.putWithoutWaiting([1], partitionKey: "k", explicitHashKey: String(UInt128.max) + "0")
            }
            await #expect(throws: ProducerError.recordTooLarge(bytes: 1_001, limitBytes: 1_000)) {
                try await producer.put(Array(repeating: 0, count: 1_000), partitionKey: "k")
            }
        }
    }

    @Test func nothingIsAcceptedAfterShutdown() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("closed", shardCount: 1)
        let producer = try await withRunningProducer(stream: "closed", client: kinesis, configuration: testConfiguration()) {
            producer in
            try await producer.putWithoutWaiting([1], partitionKey: "k")
            return producer
        }
        #expect(producer.statistics().userRecordsPut == 1)
        await #expect(throws: ProducerError.shutDown) { try await producer.put([2], partitionKey: "k") }
        await #expect(throws: ProducerError.shutDown) { try await producer.putWithoutWaiting([2], partitionKey: "k") }
        await producer.shutdown()
    }

    @Test func cancellingRunFailsWhatIsOutstanding() async throws {
        let kinesis = InProcessKinesis()
        try await kinesis.createStream("cancelled", shardCount: 1)
        let gated = GatedKinesis(kinesis)
        gated.close()
        let producer = Producer(stream: "cancelled", client: gated, configuration: testConfiguration())
        let runner = Task { await producer.run() }
        let outcome = Task { () -> Result<PutRecordResult, ProducerError> in
            do throws(ProducerError) {
                return .success(try await producer.put([1], partitionKey: "k"))
            } catch {
                return .failure(error)
            }
        }
        try await eventually("the record to be in flight") { gated.callsInFlightMost >= 1 }
        runner.cancel()
        await runner.value
        #expect(await outcome.value == .failure(.cancelled))
        await #expect(throws: ProducerError.shutDown) { try await producer.put([2], partitionKey: "k") }
    }
}
