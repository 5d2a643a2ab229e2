import Logging
import RivuletClient
import RivuletCore
import RivuletProducer

/// One flow while the agent runs: its producer, its tailer and its counters, and the way they start and stop
/// together. The tailer reads until the agent stops (or, with `--once`, until it caught up); then the producer
/// drains what is in flight (`--once` waits for everything unless the agent is told to stop); from a stop on, the
/// drain has `shutdownTimeoutMillis`, after which what is left is failed; then the final checkpoints are written.
final class FlowRuntime: Sendable {
    let flow: FlowConfiguration
    let producer: Producer
    let counters: FlowCounters
    /// This flow's share of the agent's `maxBufferedBytes`.
    let bufferedBytesMax: Int
    private let logger: Logger

    init(flow: FlowConfiguration, client: any KinesisDataPlane, agent: AgentConfiguration, logger: Logger) {
        self.flow = flow
        var logger = logger
        logger[metadataKey: "flow"] = "\(flow.identifier)"
        self.logger = logger
        bufferedBytesMax = AgentLimits.bufferedBytesShare(total: agent.maxBufferedBytes, flowCount: agent.flows.count)
        producer = Producer(
            stream: flow.streamName, client: client,
            configuration: Self.producerConfiguration(flow, agent: agent, logger: logger))
        counters = FlowCounters(flow: flow.identifier, namespace: agent.metricsNamespace)
    }

    /// The Kinesis Agent's buffer settings mapped onto the producer: a buffer is one PutRecords request, sent when
    /// full or when its oldest record reached maxBufferAgeMillis; records never expire (a line is retried until
    /// the stream takes it) and wait out a jittered exponential backoff between attempts. The shard rate limiter is
    /// off, as the original has none: throttled records are retried with the backoff.
    static func producerConfiguration(_ flow: FlowConfiguration, agent: AgentConfiguration, logger: Logger)
        -> ProducerConfiguration
    {
        var configuration = ProducerConfiguration()
        configuration.aggregationEnabled = flow.aggregation
        configuration.collectionMaxCount = flow.maxBufferSizeRecords
        configuration.collectionMaxSizeBytes = flow.maxBufferSizeBytes
        configuration.recordMaxBufferedTimeMilliseconds = Int64(flow.maxBufferAgeMilliseconds)
        configuration.recordTimeToLiveMilliseconds = .max
        configuration.rateLimitPercent = nil
        configuration.retryBackoffInitialMilliseconds = Int64(flow.retryInitialBackoffMilliseconds)
        configuration.retryBackoffMaxMilliseconds = Int64(flow.retryMaxBackoffMilliseconds)
        configuration.failedCallRetryDelayMilliseconds = Int64(flow.retryInitialBackoffMilliseconds)
        configuration.requestsInFlightMax = min(max(agent.maxSendingThreads, 1), 256)
        let bufferedBytesMax = AgentLimits.bufferedBytesShare(
            total: agent.maxBufferedBytes, flowCount: agent.flows.count)
        configuration.outstandingRecordsMax = min(
            AgentLimits.outstandingRecordsMax, max(flow.publishQueueCapacity * flow.maxBufferSizeRecords, 1),
            max(bufferedBytesMax / AgentLimits.bookkeepingBytesPerRecord, 1))
        configuration.outstandingBytesMax = bufferedBytesMax
        configuration.logger = logger
        return configuration
    }

    /// Runs the flow to its end; see the type's description. Returns how many records it read that the stream did
    /// not acknowledge (they stay behind the checkpoints and are read again at the next start).
    func run(
        store: any CheckpointStore, clock: any WallClock, stop: StopSignal, once: Bool, shutdownTimeoutMilliseconds: Int
    ) async throws -> Int {
        let tailer = try FlowTailer(
            flow: flow, producer: producer, bufferedBytesMax: bufferedBytesMax, store: store, counters: counters,
            clock: clock, logger: logger)
        let producer = self.producer
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await producer.run() }
            // With --once too: its wait for every acknowledgement must end when the agent is told to stop.
            group.addTask {
                await Self.abortAfterShutdownTimeout(producer, stop: stop, milliseconds: shutdownTimeoutMilliseconds)
            }
            var failure: (any Error)?
            do {
                try await tailer.run(stop: stop, once: once)
            } catch let error as ProducerError {
                // The producer was stopped (the drain's deadline passed) while the tailer waited for room.
                logger.debug("tailing stopped: \(error)")
            } catch {
                failure = error
            }
            if once && failure == nil && !stop.isStopped {
                await producer.flush()
            }
            if failure != nil {
                // The flow is failing (its checkpoints cannot be written): waiting for a drain that an unreachable
                // stream may never finish would hang it; what is unacknowledged is read again at the next start.
                producer.abort()
            }
            await producer.shutdown()
            // Every record handed to the producer is in the ledger until acknowledged, so the ledger alone counts.
            let unsent = tailer.ledger.pendingCount
            if unsent > 0 {
                logger.warning("\(unsent) records not acknowledged at exit; they are sent again at the next start")
            }
            do {
                try await tailer.finish()
            } catch {
                failure = failure ?? error
            }
            group.cancelAll()
            if let failure { throw failure }
            return unsent
        }
    }

    /// The drain's deadline: from the stop request on, the producer has `milliseconds` to deliver what it holds;
    /// then it is aborted, which fails what is left (records retried against an unreachable stream included) and
    /// releases every wait on it. Returns early, doing nothing, when the flow ends first (its task is cancelled).
    private static func abortAfterShutdownTimeout(_ producer: Producer, stop: StopSignal, milliseconds: Int) async {
        while !stop.isStopped {
            await stop.pause(milliseconds: 1_000)
            if Task.isCancelled { return }
        }
        do {
            try await Task.sleep(for: .milliseconds(milliseconds))
        } catch {
            return
        }
        producer.abort()
    }
}
