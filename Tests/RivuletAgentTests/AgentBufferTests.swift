import Foundation
import Testing

@testable import RivuletAgent

/// What the agent holds in memory while the stream is away: records read and not yet acknowledged stay within
/// `maxBufferedBytes`, reading stops at the bound, and everything arrives once the stream is back.
@Suite(.serialized) struct AgentBufferTests {
    @Test func bufferedBytesStayWithinTheBoundThroughAnOutage() async throws {
        var harness = try await AgentHarness()
        defer { harness.directory.remove() }
        harness.flow.initialPosition = .startOfFile
        harness.configuration.maxBufferedBytes = 1_048_576
        harness.configuration.shutdownTimeoutMilliseconds = 300
        harness.endpoint.isReachable = false
        // About 5 MB of 2 KB lines: five times the bound, in records large enough that the bytes reach the bound
        // before the record count (1 MiB / 1 KiB of bookkeeping each) does.
        let prefix = String(repeating: "x", count: 2_000)
        let lineCount = 2_500
        try harness.append("app.log", AgentHarness.lines(0..<lineCount, prefix: prefix))
        let fileBytes = try FileManager.default.attributesOfItem(atPath: harness.directory.file("app.log"))[.size] as! Int
        let running = harness.start(once: false)
        let flow = running.agent.flows[0]
        #expect(flow.bufferedBytesMax == 1_048_576)

        // Through the outage, sampled: never above the bound, and filled close to it (or the test proves nothing).
        try await waitUntil("PutRecords to be refused a few times") { harness.endpoint.refusedPutCount >= 3 }
        var largest = 0
        let sampleUntil = Date().addingTimeInterval(1.5)
        while Date() < sampleUntil {
            largest = max(largest, flow.producer.outstandingByteCount)
            try await Task.sleep(for: .milliseconds(5))
        }
        let parsedBytes = flow.counters.bytesParsed.load(ordering: .relaxed)
        #expect(largest <= flow.bufferedBytesMax, "buffered \(largest) bytes, bound \(flow.bufferedBytesMax)")
        #expect(largest >= flow.bufferedBytesMax / 2, "buffered only \(largest) bytes: the bound was never reached")
        #expect(parsedBytes < fileBytes / 2, "reading went on to \(parsedBytes) of \(fileBytes) bytes at the bound")

        harness.endpoint.isReachable = true
        try await harness.waitForRecords(lineCount)
        let result = try #require(await running.stop(withinSeconds: 60))
        try result.get()
        try AgentStopTests.expectExactly(0..<lineCount, in: try await harness.records(), prefix: prefix)
    }

    @Test func maxBufferedBytesIsReadFromAgentJSONAndChecked() throws {
        let flows = #"[{"filePattern": "/var/log/app.log", "kinesisStream": "s"}]"#
        let configured = try ConfigurationFolder.configuration(
            of: #"{"maxBufferedBytes": 4194304, "flows": \#(flows)}"#)
        #expect(configured.maxBufferedBytes == 4_194_304)
        #expect(try ConfigurationFolder.configuration(of: #"{"flows": \#(flows)}"#).maxBufferedBytes == 16_777_216)
        let problems = ConfigurationFolder.problems(of: #"{"maxBufferedBytes": 1000, "flows": \#(flows)}"#)
        #expect(problems.map(\.keyPath) == ["maxBufferedBytes"])
    }

    @Test func theBoundIsSharedAmongFlowsAndNeverBelowOneRecord() {
        #expect(AgentLimits.bufferedBytesShare(total: 16 * 1_048_576, flowCount: 4) == 4 * 1_048_576)
        #expect(AgentLimits.bufferedBytesShare(total: 2 * 1_048_576, flowCount: 8) == 1_048_576)
    }
}
