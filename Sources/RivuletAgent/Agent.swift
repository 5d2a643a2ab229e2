import Logging
import RivuletClient
import RivuletCore
import RivuletProducer
import ServiceLifecycle

/// The agent: every flow of the configuration tailing its files into its stream, a progress line every
/// `log.statusReportingPeriodSeconds`, and checkpoints in one SQLite file. A swift-service-lifecycle `Service`:
/// graceful shutdown (SIGTERM) stops reading, drains what was read within `shutdownTimeoutMillis` (however
/// unreachable the stream is), and writes the checkpoints before `run()` returns. One agent at a time owns a
/// checkpoint database (`CheckpointLock`).
public final class Agent: Service, Sendable {
    public let configuration: AgentConfiguration
    /// Send what the files hold now, wait for all of it to be acknowledged, and return.
    public let once: Bool
    let flows: [FlowRuntime]
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
        // Taken before the database is opened, so a second agent on the same file changes nothing in it. A store
        // passed in belongs to its owner, who decides who shares it.
        let ownerLock = checkpoints == nil
            ? try CheckpointLock.acquire(checkpointFile: configuration.checkpointFile) : nil
        defer { withExtendedLifetime(ownerLock) {} }
        let store: any CheckpointStore
        if let checkpoints {
            store = checkpoints
        } else {
            store = try await SQLiteCheckpointStore.open(path: configuration.checkpointFile, logger: logger)
        }
        let ownsStore = checkpoints == nil
        let startedMilliseconds = clock.nowMilliseconds()
        let timeToLive = Int64(configuration.checkpointTimeToLiveDays) * 86_400_000
        let reporter = ProgressReporter(
            flows: flows, store: store, configuration: configuration, clock: clock,
            startedMilliseconds: startedMilliseconds, logger: logger)
        let unacknowledged: Int
        do {
            try await store.expire(before: startedMilliseconds - timeToLive)
            unacknowledged = try await runFlows(store: store, reporter: reporter)
        } catch {
            await reporter.report(final: true)
            if ownsStore { await store.close() }
            throw error
        }
        await reporter.report(final: true)
        if ownsStore { await store.close() }
        // --once promises everything read was acknowledged; a stop that cut it short must not look like success.
        if once && unacknowledged > 0 {
            throw AgentError.stoppedBeforeAcknowledged(records: unacknowledged)
        }
    }

    /// Runs every flow and the reporter until the flows finish (stopped, or caught up with --once); returns the
    /// records read but not acknowledged at the end.
    private func runFlows(store: any CheckpointStore, reporter: ProgressReporter) async throws -> Int {
        let clock = self.clock
        let stop = self.stop
        let once = self.once
        let flows = self.flows
        let shutdownTimeout = configuration.shutdownTimeoutMilliseconds
        return try await withGracefulShutdownHandler {
            // A flow's task answers its unacknowledged count; the reporter's answers nil.
            try await withThrowingTaskGroup(of: Int?.self) { group in
                for flow in flows {
                    group.addTask {
                        try await flow.run(
                            store: store, clock: clock, stop: stop, once: once,
                            shutdownTimeoutMilliseconds: shutdownTimeout)
                    }
                }
                group.addTask {
                    await reporter.run(until: stop)
                    return nil
                }
                var finishedFlows = 0
                var unacknowledged = 0
                while finishedFlows < flows.count, let result = try await group.next() {
                    guard let unsent = result else { continue }
                    finishedFlows += 1
                    unacknowledged += unsent
                }
                // The flows are done; the reporter stops too.
                stop.stop()
                try await group.waitForAll()
                return unacknowledged
            }
        } onGracefulShutdown: {
            stop.stop()
        }
    }

    /// Asks the agent to stop, as a graceful shutdown does.
    public func requestStop() {
        stop.stop()
    }
}
