import Logging
import RivuletCore
import Synchronization

/// The agent's periodic report: the Kinesis Agent's progress line, what is buffered against its bound, a warning for each flow that is far behind its
/// files, the metrics' producer-side totals, and each flow's last sending error into the checkpoint database (for
/// `rivulet agent status`).
final class ProgressReporter: Sendable {
    private let flows: [FlowRuntime]
    private let store: any CheckpointStore
    private let clock: any WallClock
    private let configuration: AgentConfiguration
    private let startedMilliseconds: Int64
    private let logger: Logger

    /// A flow this many bytes behind its files gets a warning in each report, as the original's "is N MB behind".
    static let behindWarningBytes = 10 * 1024 * 1024

    init(
        flows: [FlowRuntime], store: any CheckpointStore, configuration: AgentConfiguration, clock: any WallClock,
        startedMilliseconds: Int64, logger: Logger
    ) {
        self.flows = flows
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.startedMilliseconds = startedMilliseconds
        self.logger = logger
    }

    func run(until stop: StopSignal) async {
        let period = Int64(configuration.statusReportingPeriodSeconds) * 1000
        var nextReport = clock.nowMilliseconds() + period
        while !stop.isStopped {
            try? await Task.sleep(for: .milliseconds(100))
            let now = clock.nowMilliseconds()
            if now >= nextReport {
                await report(final: false)
                nextReport = now + period
            }
        }
    }

    /// The last error written for each flow.
    private let reportedErrorsByFlow = Mutex<[String: String]>([:])

    private var reportedErrors: [String: String] {
        get { reportedErrorsByFlow.withLock { $0 } }
        set { reportedErrorsByFlow.withLock { $0 = newValue } }
    }

    func report(final: Bool) async {
        var parsed = 0
        var parsedBytes = 0
        var sent = 0
        var bufferedBytes = 0
        var bufferedRecords = 0
        var bufferedBytesMax = 0
        for flow in flows {
            bufferedBytes += flow.producer.outstandingByteCount
            bufferedRecords += flow.producer.outstandingRecordCount
            bufferedBytesMax += flow.bufferedBytesMax
            let counters = flow.counters
            parsed += counters.recordsParsed.load(ordering: .relaxed)
            parsedBytes += counters.bytesParsed.load(ordering: .relaxed)
            sent += counters.recordsSent.load(ordering: .relaxed)
            let statistics = flow.producer.statistics()
            counters.publish(
                attempts: statistics.userRecordsReceived + statistics.retries, failedAttempts: statistics.retries,
                serviceErrors: statistics.failedCalls)
            let behind = counters.bytesBehind.load(ordering: .relaxed)
            if behind >= Self.behindWarningBytes {
                logger.warning(
                    "Tailer for flow \(flow.flow.identifier) is \(behind / (1024 * 1024)) MB behind its files")
            }
            if let lastError = statistics.lastAttemptError.map({ "\($0)" }), lastError != reportedErrors[flow.flow.identifier] {
                // Written when it changes, so its time in `rivulet agent status` is when it was first seen.
                reportedErrors[flow.flow.identifier] = lastError
                try? await store.recordError(
                    lastError, flow: flow.flow.identifier, nowMilliseconds: clock.nowMilliseconds())
            }
        }
        guard configuration.logProgress || final else { return }
        let uptime = clock.nowMilliseconds() - startedMilliseconds
        logger.info(
            "Agent: Progress: \(parsed) records parsed (\(parsedBytes) bytes), and \(sent) records sent successfully to destinations. Uptime: \(uptime)ms")
        // A line of its own: the progress line above keeps the Kinesis Agent's exact form, which tools parse.
        logger.info(
            "Agent: Buffered: \(bufferedBytes) bytes in \(bufferedRecords) records read and not yet acknowledged, of at most \(bufferedBytesMax) bytes (maxBufferedBytes)")
    }
}
