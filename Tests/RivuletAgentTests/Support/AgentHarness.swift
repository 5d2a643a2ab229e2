import Foundation
import Logging
import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletTestSupport
import RivuletWire
import Testing

@testable import RivuletAgent

/// An agent over `InProcessKinesis` with real files in a scratch directory: what the flow tests drive.
struct AgentHarness {
    let directory: TailingScratchDirectory
    let kinesis: InProcessKinesis
    /// What the agent talks to: `kinesis`, with a switch that takes it away.
    let endpoint: SwitchedKinesis
    let streamName = "agent-test"
    var flow: FlowConfiguration
    var configuration: AgentConfiguration
    /// The agent's clock: the system's, or a manual one for tests of its timeouts.
    var clock: any WallClock = SystemClock()
    /// Where checkpoints are kept: nil for the SQLite file of `configuration.checkpointFile`.
    var checkpoints: (any CheckpointStore)?

    init(pattern: String = "app.log", shardCount: Int = 2) async throws {
        directory = try TailingScratchDirectory()
        kinesis = InProcessKinesis()
        endpoint = SwitchedKinesis(kinesis)
        try await kinesis.createStream(streamName, shardCount: shardCount)
        flow = FlowConfiguration(filePattern: directory.file(pattern), streamName: streamName)
        flow.maxBufferAgeMilliseconds = 1_000
        flow.minTimeBetweenFilePollsMilliseconds = 10
        flow.retryInitialBackoffMilliseconds = 10
        flow.retryMaxBackoffMilliseconds = 50
        flow.framing.partialLineTimeoutMilliseconds = 200
        configuration = AgentConfiguration()
        configuration.checkpointFile = directory.file("state/checkpoints")
        configuration.logProgress = false
        configuration.shutdownTimeoutMilliseconds = 5_000
    }

    func agent(once: Bool) -> Agent {
        var configuration = self.configuration
        configuration.flows = [flow]
        return Agent(
            configuration: configuration, client: endpoint, once: once,
            logger: Self.logger, clock: clock, checkpoints: checkpoints)
    }

    /// Runs the agent with `--once` semantics to its end.
    func runOnce() async throws {
        try await agent(once: true).run()
    }

    /// Runs the agent while `body` runs, then stops it gracefully and waits for it.
    func whileRunning(_ body: () async throws -> Void) async throws {
        let agent = agent(once: false)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await agent.run() }
            do {
                try await body()
            } catch {
                agent.requestStop()
                try await group.waitForAll()
                throw error
            }
            agent.requestStop()
            try await group.waitForAll()
        }
    }

    /// Starts the agent in a task of its own and returns a handle to stop it and wait for it with a deadline: a
    /// test of stopping must fail, not hang the suite, when the agent does not stop.
    func start(once: Bool) -> RunningAgent {
        RunningAgent(agent: agent(once: once))
    }

    /// Silent unless RIVULET_TEST_AGENT_LOG names a level, for looking into a failing test.
    static var logger: Logger {
        guard let level = ProcessInfo.processInfo.environment["RIVULET_TEST_AGENT_LOG"].flatMap({ Logger.Level(rawValue: $0) })
        else { return Logger(label: "agent-test", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "agent-test", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }

    // MARK: Files

    func append(_ relativePath: String, _ text: String) throws {
        let path = directory.file(relativePath)
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func rename(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(atPath: directory.file(from), toPath: directory.file(to))
    }

    func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: directory.file(from), toPath: directory.file(to))
    }

    func truncate(_ relativePath: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.file(relativePath)))
        try handle.truncate(atOffset: 0)
        try handle.close()
    }

    func delete(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: directory.file(relativePath))
    }

    static func lines(_ range: Range<Int>, prefix: String = "line") -> String {
        range.map { "\(prefix)-\(String(format: "%06d", $0))\n" }.joined()
    }

    // MARK: The stream

    /// Every user record in the stream, deaggregated, as text, shard by shard.
    func records() async throws -> [String] {
        var texts: [String] = []
        let shards = try await kinesis.listShards(ListShardsInput(streamName: streamName)).shards ?? []
        precondition(shards.count < 1000, "one page of shards is enough for tests")
        for shard in shards {
            var iterator = try await kinesis.getShardIterator(
                GetShardIteratorInput(streamName: streamName, shardId: shard.shardId, shardIteratorType: .trimHorizon)
            ).shardIterator
            while let current = iterator {
                let page = try await kinesis.getRecords(GetRecordsInput(shardIterator: current, limit: 10_000))
                for record in page.records {
                    switch AggregatedRecordFormat.deaggregate(Array(record.data)) {
                    case .aggregated(let users):
                        texts.append(contentsOf: users.map { String(decoding: $0.data, as: UTF8.self) })
                    default:
                        texts.append(String(decoding: record.data, as: UTF8.self))
                    }
                }
                if page.records.isEmpty || page.millisBehindLatest == 0 { break }
                iterator = page.nextShardIterator
            }
        }
        return texts
    }

    /// Waits (generously) until the stream holds at least `count` user records; returns them.
    @discardableResult
    func waitForRecords(_ count: Int, timeoutSeconds: Double = 60) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let found = try await records()
            if found.count >= count || Date() > deadline { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
