/// The dispatcher's side: deciding when a PutRecords request is due and filling it within the collection bounds
/// and the shards' rate limits.
extension ProducerState {
    enum DispatchAction: Sendable {
        case send(PutBatch)
        case wait
        /// `run()` is done: drained after `shutdown()`, or stopped.
        case finished
    }

    mutating func nextDispatch(nowNanoseconds now: Int64, effects: inout ProducerEffects) -> DispatchAction {
        effects.report.userRecordsReceived += receivedSinceReport
        receivedSinceReport = 0
        effects.report.userRecordsPending = outstandingRecords
        if phase == .stopped { return .finished }
        if phase == .shuttingDown && outstandingRecords == 0 && !hasWaiters && requestsInFlight == 0
            && completionsInDelivery == 0
        {
            phase = .stopped
            effects.flushes.append(contentsOf: shutdownWaiters)
            shutdownWaiters = []
            return .finished
        }
        releaseDueRetries(nowNanoseconds: now)
        guard requestsInFlight < settings.requestsInFlightMax else { return .wait }
        let force = flushes.hasWaiters || phase == .shuttingDown
        closeDueAggregates(nowNanoseconds: now, force: force)
        guard isRequestDue(nowNanoseconds: now, force: force) else { return .wait }
        let batch = takeBatch(nowNanoseconds: now, effects: &effects)
        guard !batch.isEmpty else {
            blockedOnTokens = readyRecordCount > 0
            return .wait
        }
        blockedOnTokens = false
        requestsInFlight += 1
        statistics.putRecordsRequests += 1
        return .send(batch)
    }

    private mutating func closeDueAggregates(nowNanoseconds now: Int64, force: Bool) {
        for index in lanes.indices where lanes[index].hasAggregate {
            if force || lanes[index].aggregateOldestArrivalNanoseconds + settings.bufferedTimeNanoseconds <= now {
                closeAggregate(index)
            }
        }
    }

    /// A request is due when a full one is ready, or when the oldest ready record of any shard has waited its
    /// buffered time (judged by each shard's first draft: drafts are queued in arrival order, retries aside).
    private func isRequestDue(nowNanoseconds now: Int64, force: Bool) -> Bool {
        guard readyRecordCount > 0 else { return false }
        if force || readyRecordCount >= settings.collectionMaxCount || readyBytes >= settings.collectionMaxSizeBytes {
            return true
        }
        return lanes.contains { lane in
            lane.firstReadyDeadlineNanoseconds.map { $0 <= now } ?? false
        }
    }

    /// Fills one request, taking drafts shard by shard from a rotating start so that no shard is starved, within
    /// the request's bounds and each shard's tokens. Drafts past their time to live are failed or re-buffered.
    private mutating func takeBatch(nowNanoseconds now: Int64, effects: inout ProducerEffects) -> PutBatch {
        var batch = PutBatch()
        var stale: [KinesisRecordDraft] = []
        let laneCount = lanes.count
        var full = false
        for offset in 0..<laneCount where !full {
            let index = (laneCursor + offset) % laneCount
            // Records waiting for the first map must not go out unaggregated while it loads.
            if lanes[index].shardId == nil && mapStatus == .loading { continue }
            lanes[index].refillTokens(nowNanoseconds: now)
            while let draft = lanes[index].firstReady {
                if batch.count >= settings.collectionMaxCount
                    || (!batch.isEmpty && batch.sizeBytes + draft.sizeBytes > settings.collectionMaxSizeBytes)
                {
                    full = true
                    laneCursor = index
                    break
                }
                if draft.oldestArrivalNanoseconds + settings.timeToLiveNanoseconds <= now {
                    stale.append(removeReady(index))
                    continue
                }
                guard lanes[index].tokensAllow(draft) else { break }
                lanes[index].takeTokens(for: draft)
                batch.append(removeReady(index))
            }
        }
        if !full { laneCursor = (laneCursor + 1) % laneCount }
        for draft in stale {
            for record in draft.records {
                if record.arrivalNanoseconds + settings.timeToLiveNanoseconds <= now {
                    finish(record, .failure(.expired(attempts: record.attempts, lastError: record.lastError)),
                        effects: &effects)
                } else {
                    enqueue(record)
                }
            }
        }
        return batch
    }

    private mutating func removeReady(_ laneIndex: Int) -> KinesisRecordDraft {
        let draft = lanes[laneIndex].removeFirstReady()
        readyRecordCount -= 1
        readyBytes -= draft.sizeBytes
        return draft
    }
}
