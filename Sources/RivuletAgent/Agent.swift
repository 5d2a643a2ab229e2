import Logging
import RivuletClient
import RivuletProducer
import ServiceLifecycle

/// The agent: every flow of the configuration tailing its files into its stream, a progress line every
/// `log.statusReportingPeriodSeconds`, and checkpoints in one SQLite file. A swift-service-lifecycle `Service`:
/// graceful shutdown (SIGTERM) stops reading, drains what was read within `shutdownTimeoutMillis`, and writes the
/// checkpoints before `run()` returns.
public final class Agent: Service, Sendable {
    public let configuration: AgentConfiguration
    /// Send what the files hold now, wait for all of it to be acknowledged, and return.
    public let once: Bool
    private let flows: [FlowRuntime]
    private let stop = AgentStop()
    private let logger: Logger

    public init(configuration: AgentConfiguration, client: any KinesisDataPlane, once: Bool = false, logger: Logger) {
        self.configuration = configuration
        self.once = once
        self.logger = logger
        flows = configuration.flows.map { FlowRuntime(flow: $0, client: client, agent: configuration, logger: logger) }
    }

    public func run() async throws {
        let store = try await CheckpointStore.open(path: configuration.checkpointFile, logger: logger)
        let startedMilliseconds = AgentClock.milliseconds()
        let timeToLive = Int64(configuration.checkpointTimeToLiveDays) * 86_400_000
        try await store.expire(before: startedMilliseconds - timeToLive)
        let reporter = ProgressReporter(
            flows: flows, store: store, configuration: configuration, startedMilliseconds: startedMilliseconds,
            logger: logger)
        let stop = self.stop
        let once = self.once
        let shutdownTimeout = configuration.shutdownTimeoutMilliseconds
        do {
            try await withGracefulShutdownHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for flow in flows {
                        group.addTask {
                            try await flow.run(
                                store: store, stop: stop, once: once, shutdownTimeoutMilliseconds: shutdownTimeout)
                        }
                    }
                    group.addTask { await reporter.run(until: stop) }
                    // The flows finish first (on stop, or caught up with --once); the reporter then stops too.
                    var finishedFlows = 0
                    while finishedFlows < flows.count, let _ = try await group.next() {
                        finishedFlows += 1
                    }
                    stop.request()
                    try await group.waitForAll()
                }
            } onGracefulShutdown: {
                stop.request()
            }
        } catch {
            await reporter.report(final: true)
            await store.close()
            throw error
        }
        await reporter.report(final: true)
        await store.close()
    }

    /// Asks the agent to stop, as a graceful shutdown does.
    public func requestStop() {
        stop.request()
    }
}
