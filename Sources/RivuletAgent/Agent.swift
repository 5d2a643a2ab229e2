import Logging
import RivuletClient
import RivuletCore
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
    private let stop = StopSignal()
    private let clock: any WallClock
    private let checkpoints: (any CheckpointStore)?
    private let logger: Logger

    /// - Parameters:
    ///   - clock: checkpoint times, the partial-line timeout, file polling and progress reports are measured on it.
    ///   - checkpoints: where checkpoints are kept; nil opens the SQLite file `checkpointFile` names, which the
    ///     agent then closes when it stops (a store passed in stays open: its owner closes it).
    public init(
        configuration: AgentConfiguration, client: any KinesisDataPlane, once: Bool = false, logger: Logger,
        clock: any WallClock = SystemClock(), checkpoints: (any CheckpointStore)? = nil
    ) {
        self.configuration = configuration
        self.once = once
        self.logger = logger
        self.clock = clock
        self.checkpoints = checkpoints
        flows = configuration.flows.map { FlowRuntime(flow: $0, client: client, agent: configuration, logger: logger) }
    }

    public func run() async throws {
        let store: any CheckpointStore
        if let checkpoints {
            store = checkpoints
        } else {
            store = try await SQLiteCheckpointStore.open(path: configuration.checkpointFile, logger: logger)
        }
        let ownsStore = checkpoints == nil
        let startedMilliseconds = clock.nowMilliseconds()
        let timeToLive = Int64(configuration.checkpointTimeToLiveDays) * 86_400_000
        try await store.expire(before: startedMilliseconds - timeToLive)
        let reporter = ProgressReporter(
            flows: flows, store: store, configuration: configuration, clock: clock,
            startedMilliseconds: startedMilliseconds, logger: logger)
        let clock = self.clock
        let stop = self.stop
        let once = self.once
        let shutdownTimeout = configuration.shutdownTimeoutMilliseconds
        do {
            try await withGracefulShutdownHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for flow in flows {
                        group.addTask {
                            try await flow.run(
                                store: store, clock: clock, stop: stop, once: once,
                                shutdownTimeoutMilliseconds: shutdownTimeout)
                        }
                    }
                    group.addTask { await reporter.run(until: stop) }
                    // The flows finish first (on stop, or caught up with --once); the reporter then stops too.
                    var finishedFlows = 0
                    while finishedFlows < flows.count, let _ = try await group.next() {
                        finishedFlows += 1
                    }
                    stop.stop()
                    try await group.waitForAll()
                }
            } onGracefulShutdown: {
                stop.stop()
            }
        } catch {
            await reporter.report(final: true)
            if ownsStore { await store.close() }
            throw error
        }
        await reporter.report(final: true)
        if ownsStore { await store.close() }
    }

    /// Asks the agent to stop, as a graceful shutdown does.
    public func requestStop() {
        stop.stop()
    }
}
