import Foundation
import RivuletClient
import RivuletCore
import Testing

@testable import RivuletAgent

/// The agent end to end over real files and the server's logic in process: initial positions, restarts from
/// checkpoints, every rotation mode, and retried failures, each checked for lines missing and lines repeated.
@Suite(.serialized) struct AgentFlowTests {
    @Test func endOfFileSendsOnlyLinesAppendedAfterTheFirstStart() async throws {
        let harness = try await AgentHarness()
        defer { harness.directory.remove() }
        try harness.append("app.log", AgentHarness.lines(0..<4))
        try await harness.whileRunning {
            try await waitUntilCheckpointed(harness, path: "app.log")
            try harness.append("app.log", AgentHarness.lines(4..<6))
            try await harness.waitForRecords(2)
        }
        #expect(try await harness.records().sorted() == ["line-000004\n", "line-000005\n"])
        // A restart must not read the file from its start: the flow has run before and the file is checkpointed.
        try await harness.runOnce()
        #expect(try await harness.records().count == 2)
    }

    @Test func onceSendsEverythingOnceAndLaterRunsOnlyWhatIsNew() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<1_000))
        try await harness.runOnce()
        #expect(try await harness.records().count == 1_000)
        try await harness.runOnce()
        #expect(try await harness.records().count == 1_000)
        try harness.append("app.log", AgentHarness.lines(1_000..<1_500))
        try await harness.runOnce()
        let records = try await harness.records()
        #expect(records.sorted() == AgentHarness.lines(0..<1_500).split(separator: "\n").map { "\($0)\n" })
    }

    @Test func checkpointsInTheInMemoryStoreCarryARestartAsTheFileDoes() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        let store = InMemoryCheckpointStore()
        harness.checkpoints = store
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<300))
        try await harness.runOnce()
        #expect(try await store.checkpoints(flow: harness.flow.identifier).map(\.offsetBytes) == [300 * 12])
        try harness.append("app.log", AgentHarness.lines(300..<400))
        try await harness.runOnce()
        let records = try await harness.records()
        #expect(records.sorted() == AgentHarness.lines(0..<400).split(separator: "\n").map { "\($0)\n" })
        // The SQLite file was never made: the store passed in is the only one.
        #expect(!FileManager.default.fileExists(atPath: harness.configuration.checkpointFile))
    }

    @Test func renameRotationWhileRunningLosesNothing() async throws {
        try await rotateWhileRunning { harness, generation in
            try harness.rename("app.log", "app.log.\(generation)")
        }
    }

    @Test func copyTruncateWhileRunningLosesNothing() async throws {
        try await rotateWhileRunning { harness, generation in
            try harness.copy("app.log", "app.log.\(generation)")
            try harness.truncate("app.log")
        }
    }

    /// Five generations of app.log, each rotated by `rotate` while half its lines are still unread, then a last
    /// one: every line arrives once.
    private func rotateWhileRunning(_ rotate: (AgentHarness, Int) throws -> Void) async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try await harness.whileRunning {
            for generation in 0..<5 {
                // The agent must have seen a file to follow it: half the lines arrive first, the other half is
                // still unread when the file is rotated.
                let first = generation * 200
                try harness.append("app.log", AgentHarness.lines(first..<first + 100))
                try await harness.waitForRecords(first + 100)
                try harness.append("app.log", AgentHarness.lines(first + 100..<first + 200))
                try rotate(harness, generation)
            }
            try harness.append("app.log", AgentHarness.lines(1_000..<1_100))
            try await harness.waitForRecords(1_100)
        }
        try expectExactly(0..<1_100, in: try await harness.records())
    }

    @Test func deletedFileIsReadToItsEndThroughItsDescriptor() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<10))
        try await harness.whileRunning {
            try await harness.waitForRecords(10)
            // Written and deleted before the next poll can see the new lines by name.
            try harness.append("app.log", AgentHarness.lines(10..<500))
            try harness.delete("app.log")
            try await harness.waitForRecords(500)
        }
        try expectExactly(0..<500, in: try await harness.records())
    }

    @Test func rotationWhileStoppedIsFoundAgainByInodeAndByContent() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<100))
        try harness.append("other.log", AgentHarness.lines(0..<50, prefix: "other"))
        try await harness.runOnce()
        // While the agent is down: app.log gains lines and is renamed away (not matched any more); other.log is
        // not part of the flow. A new app.log is created.
        try harness.append("app.log", AgentHarness.lines(100..<150))
        try harness.rename("app.log", "app.log.1")
        try harness.append("app.log", AgentHarness.lines(150..<200))
        try await harness.runOnce()
        try expectExactly(0..<200, in: try await harness.records())
    }

    @Test func copyTruncateWhileStoppedContinuesInTheCopy() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.append("app.log", AgentHarness.lines(0..<100))
        try await harness.runOnce()
        try harness.append("app.log", AgentHarness.lines(100..<150))
        try harness.copy("app.log", "app.log.1")
        try harness.truncate("app.log")
        try harness.append("app.log", AgentHarness.lines(150..<200))
        try await harness.runOnce()
        try expectExactly(0..<200, in: try await harness.records())
    }

    @Test func failedRecordsAreRetriedWithoutLossOrRepeats() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        harness.kinesis.faults.failRecords(count: 300)
        harness.kinesis.faults.failCalls(
            .putRecords, count: 3,
            with: .service(KinesisError(.internalFailure, "injected"), httpStatus: 500, requestId: nil))
        try harness.append("app.log", AgentHarness.lines(0..<2_000))
        try await harness.runOnce()
        try expectExactly(0..<2_000, in: try await harness.records())
    }

    @Test func aggregatedRecordsCarryEveryLine() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        harness.flow.aggregation = true
        try harness.append("app.log", AgentHarness.lines(0..<3_000))
        try await harness.runOnce()
        try expectExactly(0..<3_000, in: try await harness.records())
    }

    @Test func aPartialLastLineWaitsForItsNewlineThenItsTimeout() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        // First a timeout no test run reaches, so the line can only go out once its newline is there.
        harness.flow.framing.partialLineTimeoutMilliseconds = 600_000
        try harness.append("app.log", "complete\npart")
        try await harness.whileRunning {
            try await harness.waitForRecords(1)
            try harness.append("app.log", "ial\n")
            try await harness.waitForRecords(2)
        }
        #expect(try await harness.records().sorted() == ["complete\n", "partial\n"])
        // Then a short one: a last line that never gets its newline is sent as it is once the file stops growing.
        harness.flow.framing.partialLineTimeoutMilliseconds = 200
        try harness.append("app.log", "no newline")
        try await harness.whileRunning {
            try await harness.waitForRecords(3)
        }
        #expect(try await harness.records().sorted() == ["complete\n", "no newline", "partial\n"])
    }

    @Test func aPartialLastLineGoesOutWhenTheAgentsClockPassesItsTimeout() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        let clock = ManualClock()
        harness.clock = clock
        harness.flow.initialPosition = .startOfFile
        // Ten minutes: on the system clock no test run would see the line go out.
        harness.flow.framing.partialLineTimeoutMilliseconds = 600_000
        try harness.append("app.log", "complete\nno newline")
        try await harness.whileRunning {
            try await harness.waitForRecords(1)
            // The partial line was read with the complete one, but on this clock its timeout cannot have passed.
            #expect(try await harness.records() == ["complete\n"])
            clock.advance(milliseconds: 600_001)
            try await harness.waitForRecords(2)
        }
        #expect(try await harness.records().sorted() == ["complete\n", "no newline"])
    }

    @Test func filesMatchedInSeveralDirectoriesAreTailedAtOnce() async throws {
        var harness = try await AgentHarness(pattern: "**/*.log")
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        try harness.directory.makeDirectory("a/b")
        try harness.directory.makeDirectory("c")
        try harness.append("a/b/one.log", AgentHarness.lines(0..<100, prefix: "one"))
        try harness.append("c/two.log", AgentHarness.lines(0..<100, prefix: "two"))
        try harness.append("three.log", AgentHarness.lines(0..<100, prefix: "three"))
        try harness.append("c/skipped.log.gz", "not text\n")
        try await harness.runOnce()
        #expect(try await harness.records().count == 300)
    }

    // MARK: Helpers

    private func waitUntilCheckpointed(_ harness: AgentHarness, path: String) async throws {
        let store = try await SQLiteCheckpointStore.open(
            path: harness.configuration.checkpointFile, logger: .init(label: "test"))
        let deadline = Date().addingTimeInterval(60)
        var found = false
        while !found && Date() < deadline {
            found = try await store.checkpoints(flow: harness.flow.identifier).contains {
                $0.path == harness.directory.file(path)
            }
            if !found { try await Task.sleep(for: .milliseconds(20)) }
        }
        await store.close()
        #expect(found, "no checkpoint for \(path) within 60 s")
    }

    private func expectExactly(_ range: Range<Int>, in records: [String]) throws {
        let expected = Set(range.map { "line-\(String(format: "%06d", $0))\n" })
        let received = Set(records)
        let missing = expected.subtracting(received)
        let missingCount = missing.count
        let duplicateCount = records.count - received.count
        let unexpectedCount = received.subtracting(expected).count
        #expect(missingCount == 0, "missing, e.g. \(missing.sorted().prefix(3))")
        #expect(duplicateCount == 0)
        #expect(unexpectedCount == 0)
    }
}
