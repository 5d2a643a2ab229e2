import Foundation
import Testing

@testable import RivuletAgent

/// Stopping: a stop request ends the agent within its shutdown timeout even while every call to the stream fails,
/// checkpoints cover only what was acknowledged, and the next start sends the rest exactly once. And one agent at
/// a time per checkpoint database.
@Suite(.serialized) struct AgentStopTests {
    /// Generous for a loaded machine, and still far below "never": the agents here drain for 300 ms.
    static let stopDeadlineSeconds = 30.0

    @Test func onceStopsWithinItsShutdownTimeoutWhileTheStreamIsUnreachable() async throws {
        var harness = try await Self.unreachableHarness()
        defer { harness.directory.remove() }
        let store = InMemoryCheckpointStore()
        harness.checkpoints = store
        try harness.append("app.log", AgentHarness.lines(0..<200))
        let running = harness.start(once: true)
        try await waitUntil("PutRecords to be refused and retried") { harness.endpoint.refusedPutCount >= 2 }

        let outcome = await running.stop(withinSeconds: Self.stopDeadlineSeconds)
        let result = try #require(outcome, "--once did not stop within \(Self.stopDeadlineSeconds) s")
        // Cut short, --once says so: nothing it read was acknowledged.
        #expect(throws: AgentError.stoppedBeforeAcknowledged(records: 200)) { try result.get() }
        let offsets = try await store.checkpoints(flow: harness.flow.identifier).map(\.offsetBytes)
        #expect(offsets.allSatisfy { $0 == 0 }, "a checkpoint moved past unacknowledged lines: \(offsets)")

        harness.endpoint.isReachable = true
        try await harness.runOnce()
        try Self.expectExactly(0..<200, in: try await harness.records())
    }

    @Test func tailingStopsWithinItsShutdownTimeoutWhileTheStreamIsUnreachable() async throws {
        var harness = try await Self.unreachableHarness()
        defer { harness.directory.remove() }
        let store = InMemoryCheckpointStore()
        harness.checkpoints = store
        // More lines than the producer may hold, so the reader is also waiting for room when the stop comes.
        try harness.append("app.log", AgentHarness.lines(0..<3_000))
        harness.flow.publishQueueCapacity = 1
        let running = harness.start(once: false)
        try await waitUntil("PutRecords to be refused and retried") { harness.endpoint.refusedPutCount >= 2 }

        let outcome = await running.stop(withinSeconds: Self.stopDeadlineSeconds)
        let result = try #require(outcome, "the agent did not stop within \(Self.stopDeadlineSeconds) s")
        try result.get()
        let offsets = try await store.checkpoints(flow: harness.flow.identifier).map(\.offsetBytes)
        #expect(offsets.allSatisfy { $0 == 0 }, "a checkpoint moved past unacknowledged lines: \(offsets)")

        harness.endpoint.isReachable = true
        try await harness.runOnce()
        try Self.expectExactly(0..<3_000, in: try await harness.records())
    }

    @Test func aSecondAgentOnTheSameCheckpointDatabaseIsRefusedWithTheHoldersPid() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<10))
        let first = harness.start(once: false)
        try await harness.waitForRecords(10)

        let pid = ProcessInfo.processInfo.processIdentifier
        let file = harness.configuration.checkpointFile
        await #expect(
            throws: AgentError.checkpointsInUse(
                checkpointFile: file, lockFile: file + ".lock", processIdentifier: pid)
        ) {
            try await harness.runOnce()
        }
        let result = try #require(await first.stop(withinSeconds: Self.stopDeadlineSeconds))
        try result.get()
        // The refused agent sent nothing; once the first has stopped the database is free again.
        try harness.append("app.log", AgentHarness.lines(10..<20))
        try await harness.runOnce()
        try Self.expectExactly(0..<20, in: try await harness.records())
    }

    @Test func theRefusalNamesTheHolderInOneLine() {
        let error = AgentError.checkpointsInUse(
            checkpointFile: "/var/lib/agent/checkpoints", lockFile: "/var/lib/agent/checkpoints.lock",
            processIdentifier: 4242)
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("pid 4242"))
        #expect(error.description.contains("/var/lib/agent/checkpoints"))
    }

    // MARK: Helpers

    /// A flow reading app.log from its start, a drain of 300 ms, and the stream unreachable from the start.
    private static func unreachableHarness() async throws -> AgentHarness {
        var harness = try await AgentHarness()
        harness.flow.initialPosition = .startOfFile
        harness.flow.maxBufferAgeMilliseconds = 100
        harness.configuration.shutdownTimeoutMilliseconds = 300
        harness.endpoint.isReachable = false
        return harness
    }

    static func expectExactly(_ range: Range<Int>, in records: [String], prefix: String = "line") throws {
        let expected = Set(range.map { "\(prefix)-\(String(format: "%06d", $0))\n" })
        let received = Set(records)
        let missing = expected.subtracting(received)
        #expect(missing.isEmpty, "\(missing.count) missing, e.g. \(missing.sorted().prefix(3))")
        #expect(records.count == received.count, "\(records.count - received.count) duplicates")
        #expect(received.subtracting(expected).isEmpty)
    }
}
