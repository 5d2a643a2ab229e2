import Logging
import RivuletClient
import RivuletCore
import RivuletLeases
import ServiceLifecycle

/// One worker of a consumer application, as the KCL's Scheduler: keeps the lease table in step with the stream's
/// shards, renews the leases it holds, takes expired ones and its share from busier workers, and runs one
/// `ShardConsumer` (with its own processor) per lease, all as child tasks of `run()`.
///
/// Stop it gracefully with `shutdown()` (or the service group's graceful shutdown): every processor gets
/// `shutdownRequested` to checkpoint, then the leases are released so other workers continue at once. Cancelling
/// `run()` stops at once; the leases then expire after the failover time.
public final class Scheduler: Service, Sendable {
    private let configuration: ConsumerConfiguration
    private let client: any KinesisDataPlane
    private let store: any LeaseStore
    private let makeProcessor: @Sendable (String) -> any ShardRecordProcessor
    private let clock: any WallClock
    private let stopSignal = StopSignal()
    private let metrics = ConsumerMetrics()

    public init(
        configuration: ConsumerConfiguration, client: any KinesisDataPlane, leaseStore: any LeaseStore,
        clock: any WallClock = SystemClock(),
        processorFactory: @escaping @Sendable (String) -> any ShardRecordProcessor
    ) {
        self.configuration = configuration
        self.client = client
        self.store = leaseStore
        self.clock = clock
        self.makeProcessor = processorFactory
    }

    /// Asks the worker to stop after the current batches; `run()` returns once every processor was told.
    public func shutdown() {
        stopSignal.stop()
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await runWorker()
        } onGracefulShutdown: {
            self.shutdown()
        }
    }

    private func runWorker() async throws {
        var logger = configuration.logger
        logger[metadataKey: "worker.id"] = "\(configuration.workerIdentifier)"
        try await store.prepare()
        let syncer = ShardSyncer(client: client, store: store, configuration: configuration)
        var loop = WorkerLoop(
            configuration: configuration, store: store, clock: clock, metrics: metrics, logger: logger)
        try await withRetries(logger: logger) { try await syncer.sync() }
        await withDiscardingTaskGroup { group in
            var nextSync = clock.nowMilliseconds() + configuration.shardSyncIntervalMilliseconds
            while !stopSignal.isStopped, !Task.isCancelled {
                await loop.renewDue()
                for heldLease in await loop.scanDue() {
                    let consumer = ShardConsumer(
                        heldLease: heldLease, client: client, store: store, configuration: configuration,
                        makeProcessor: makeProcessor, stopSignal: stopSignal, metrics: metrics,
                        logger: logger.with("shard.id", heldLease.shardId))
                    group.addTask { await consumer.run() }
                }
                if clock.nowMilliseconds() >= nextSync {
                    do {
                        try await syncer.sync()
                    } catch {
                        logger.warning("shard sync failed; retrying at the next interval", metadata: ["error": "\(error)"])
                    }
                    nextSync = clock.nowMilliseconds() + configuration.shardSyncIntervalMilliseconds
                }
                await stopSignal.pause(milliseconds: loop.millisecondsUntilNextDue())
            }
            // Shard consumers see the stop signal, call shutdownRequested and release their leases; the group
            // waits for them.
            if !Task.isCancelled { stopSignal.stop() }
        }
        logger.info("worker stopped")
    }

    private func withRetries(logger: Logger, _ operation: () async throws -> Void) async throws {
        var failures = 0
        while true {
            do {
                return try await operation()
            } catch {
                failures += 1
                if stopSignal.isStopped || Task.isCancelled || failures >= 10 { throw error }
                logger.warning("shard sync failed; retrying", metadata: ["error": "\(error)"])
                await stopSignal.pause(milliseconds: configuration.retryMaxBackoffMilliseconds)
            }
        }
    }
}

extension Logger {
    func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy[metadataKey: key] = "\(value)"
        return copy
    }
}
