import Logging
import RivuletClient
import RivuletCore
import RivuletLeases
import RivuletWire

/// Reads one leased shard and feeds its processor: waits for the shard's parents to be finished, opens an iterator
/// at the lease's checkpoint, polls GetRecords (at once while behind, after a pause once caught up), and at the
/// shard's end creates its children's leases and has the processor checkpoint SHARD_END.
struct ShardConsumer {
    let heldLease: HeldLease
    let client: any KinesisDataPlane
    let store: any LeaseStore
    let configuration: ConsumerConfiguration
    let makeProcessor: @Sendable (String) -> any ShardRecordProcessor
    let stopSignal: StopSignal
    let metrics: ConsumerMetrics
    let logger: Logger

    private var shardId: String { heldLease.shardId }

    func run() async {
        defer { heldLease.finish() }
        guard await waitForParents() else { return }
        let lease = heldLease.lease
        let processor = makeProcessor(shardId)
        let checkpointer = RecordProcessorCheckpointer(
            heldLease: heldLease, lastCheckpoint: lease.checkpoint,
            onCheckpoint: { [logger] shardId, position in
                logger.debug("checkpoint", metadata: ["shard.id": "\(shardId)", "checkpoint": "\(position)"])
            })
        do {
            try await processor.initialize(
                InitializationInput(
                    shardId: shardId, extendedSequenceNumber: lease.checkpoint,
                    pendingCheckpoint: lease.pendingCheckpoint))
        } catch {
            logger.error("the processor failed to initialize; giving the lease up", metadata: ["error": "\(error)"])
            try? await heldLease.release()
            return
        }
        await consume(processor: processor, checkpointer: checkpointer, from: lease.checkpoint)
    }

    // MARK: Reading

    private func consume(
        processor: any ShardRecordProcessor, checkpointer: RecordProcessorCheckpointer,
        from checkpoint: ExtendedSequenceNumber
    ) async {
        var reader = ShardReader(
            shardId: shardId, client: client, configuration: configuration, resumeAfter: checkpoint)
        var failures = 0
        while true {
            // Cancellation is an abrupt stop: no more calls to the processor, the lease left to expire.
            if Task.isCancelled { return }
            if heldLease.isLost {
                await processor.leaseLost()
                return
            }
            if stopSignal.isStopped {
                await shutDown(processor: processor, checkpointer: checkpointer)
                return
            }
            let batch: ShardReader.Batch
            do {
                batch = try await reader.next()
                failures = 0
            } catch {
                failures += 1
                metrics.readFailed()
                logger.warning(
                    "GetRecords failed; retrying", metadata: ["error": "\(error)", "retry.attempt": "\(failures)"])
                await pause(milliseconds: backoff(afterFailures: failures))
                continue
            }
            if !batch.records.isEmpty || configuration.processEmptyBatches {
                if let last = batch.records.last {
                    checkpointer.delivered(upTo: last.extendedSequenceNumber)
                }
                metrics.delivered(records: batch.records.count, shardId: shardId, millisBehind: batch.millisBehindLatest)
                do {
                    try await processor.processRecords(
                        ProcessRecordsInput(
                            shardId: shardId, records: batch.records, millisBehindLatest: batch.millisBehindLatest,
                            checkpointer: checkpointer))
                } catch {
                    // As the KCL does: a failing batch is logged and not redelivered; the processor decides what
                    // a failure means for its checkpoints.
                    logger.error("processRecords threw; continuing with the next batch", metadata: ["error": "\(error)"])
                }
            }
            if let children = batch.childShardsAtEnd {
                await finishShard(children: children, processor: processor, checkpointer: checkpointer)
                return
            }
            if batch.records.isEmpty || (batch.millisBehindLatest ?? 0) == 0 {
                await pause(milliseconds: configuration.idleTimeBetweenReadsMilliseconds)
            }
        }
    }

    // MARK: Lineage

    /// Waits until every parent's lease is at SHARD_END or gone (cleaned up after it finished). False when the wait
    /// ended because the lease was lost or the worker is stopping.
    private func waitForParents() async -> Bool {
        let parents = heldLease.lease.parentShardIds
        var failures = 0
        while !parents.isEmpty {
            if heldLease.isLost || stopSignal.isStopped || Task.isCancelled { return false }
            do {
                var finished = true
                for parent in parents {
                    if let lease = try await store.lease(forKey: parent), lease.checkpoint != .shardEnd {
                        finished = false
                        break
                    }
                }
                if finished { return true }
                failures = 0
                await pause(milliseconds: configuration.parentPollIntervalMilliseconds)
            } catch {
                failures += 1
                logger.warning("could not read a parent's lease", metadata: ["error": "\(error)"])
                await pause(milliseconds: backoff(afterFailures: failures))
            }
        }
        return !heldLease.isLost && !stopSignal.isStopped && !Task.isCancelled
    }

    private func finishShard(
        children: [ChildShard], processor: any ShardRecordProcessor, checkpointer: RecordProcessorCheckpointer
    ) async {
        await createChildLeases(children)
        checkpointer.reachedShardEnd()
        var failures = 0
        while !Task.isCancelled {
            if heldLease.isLost {
                await processor.leaseLost()
                return
            }
            do {
                try await processor.shardEnded(ShardEndedInput(shardId: shardId, checkpointer: checkpointer))
            } catch {
                logger.error("shardEnded threw", metadata: ["error": "\(error)"])
            }
            if checkpointer.lastCheckpoint == .shardEnd {
                logger.info("shard finished", metadata: ["shard.children": "\(children.map(\.shardId))"])
                return
            }
            failures += 1
            logger.error(
                "the processor did not checkpoint the shard's end; its children wait until it does; retrying",
                metadata: ["retry.attempt": "\(failures)"])
            if stopSignal.isStopped {
                try? await heldLease.release()
                return
            }
            await pause(milliseconds: backoff(afterFailures: failures))
        }
    }

    /// Creates the children's leases at once, rather than waiting for the next shard sync, so they start as soon
    /// as this shard's end is checkpointed.
    private func createChildLeases(_ children: [ChildShard]) async {
        var failures = 0
        while !heldLease.isLost, !Task.isCancelled {
            do {
                for child in children {
                    _ = try await store.createLeaseIfNotExists(
                        Lease(
                            leaseKey: child.shardId, checkpoint: .trimHorizon, parentShardIds: child.parentShards,
                            startingHashKey: child.hashKeyRange.startingHashKey,
                            endingHashKey: child.hashKeyRange.endingHashKey))
                }
                _ = try await heldLease.recordChildren(children.map(\.shardId))
                return
            } catch {
                failures += 1
                logger.warning("could not create child leases; retrying", metadata: ["error": "\(error)"])
                await pause(milliseconds: backoff(afterFailures: failures))
            }
        }
    }

    // MARK: Stopping

    private func shutDown(processor: any ShardRecordProcessor, checkpointer: RecordProcessorCheckpointer) async {
        do {
            try await processor.shutdownRequested(ShutdownRequestedInput(shardId: shardId, checkpointer: checkpointer))
        } catch {
            logger.warning("shutdownRequested threw", metadata: ["error": "\(error)"])
        }
        do {
            try await heldLease.release()
        } catch {
            logger.warning("could not release the lease; it expires instead", metadata: ["error": "\(error)"])
        }
    }

    private func pause(milliseconds: Int64) async {
        await stopSignal.pause(milliseconds: milliseconds, alsoStopWhen: { heldLease.isLost })
    }

    private func backoff(afterFailures failures: Int) -> Int64 {
        let exponent = min(failures - 1, 16)
        return min(configuration.retryInitialBackoffMilliseconds << exponent, configuration.retryMaxBackoffMilliseconds)
    }
}
