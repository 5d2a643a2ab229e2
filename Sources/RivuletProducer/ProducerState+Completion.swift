import RivuletWire

/// The results' side: records that were put finish, failed ones are retried (predicted and aggregated afresh) or
/// expire, and callers waiting for room are let in.
extension ProducerState {
    mutating func complete(
        _ batch: PutBatch, _ outcome: BatchOutcome, nowNanoseconds now: Int64, effects: inout ProducerEffects
    ) {
        precondition(requestsInFlight > 0)
        requestsInFlight -= 1
        switch outcome {
        case .answered(let entries) where entries.count == batch.count:
            for (draft, entry) in zip(batch.drafts, entries) {
                settle(draft, entry, nowNanoseconds: now, effects: &effects)
            }
        case .answered(let entries):
            let error = ProducerAttemptError(
                code: "UnexpectedResponse",
                message: "PutRecords answered \(entries.count) results for \(batch.count) records")
            retry(batch.drafts, after: error, nowNanoseconds: now, effects: &effects)
        case .failed(let error, let refreshShardMap):
            if refreshShardMap { refreshRequested = true }
            statistics.failedCalls += 1
            retry(batch.drafts, after: error, nowNanoseconds: now, effects: &effects)
        case .cancelled:
            for draft in batch.drafts {
                for record in draft.records { finish(record, .failure(.cancelled), effects: &effects) }
            }
        }
        admitWaiters(nowNanoseconds: now, effects: &effects)
        effects.dispatcher = takeDispatcher()
    }

    private mutating func settle(
        _ draft: KinesisRecordDraft, _ entry: PutRecordsResultEntry, nowNanoseconds now: Int64,
        effects: inout ProducerEffects
    ) {
        guard entry.errorCode == nil, let shardId = entry.shardId, let sequenceNumber = entry.sequenceNumber else {
            let error = ProducerAttemptError(
                code: entry.errorCode ?? "UnexpectedResponse",
                message: entry.errorMessage ?? "a PutRecords result had neither a sequence number nor an error")
            retry([draft], after: error, nowNanoseconds: now, effects: &effects)
            return
        }
        if let predicted = draft.predictedShardId, predicted != shardId {
            // The map is stale (the stream was resharded): reload it before predicting more records wrongly.
            refreshRequested = true
        }
        let aggregated = draft.aggregate != nil
        effects.report.kinesisRecordsPut += 1
        effects.report.userRecordsPerKinesisRecord.append(draft.records.count)
        statistics.kinesisRecordsPut += 1
        for (index, record) in draft.records.enumerated() {
            statistics.userBytesPut += record.record.data.count
            let result = PutRecordResult(
                shardId: shardId, sequenceNumber: sequenceNumber,
                subSequenceNumber: aggregated ? Int64(index) : nil, attempts: record.attempts + 1)
            finish(record, .success(result), effects: &effects)
        }
    }

    private mutating func retry(
        _ drafts: [KinesisRecordDraft], after error: ProducerAttemptError, nowNanoseconds now: Int64,
        effects: inout ProducerEffects
    ) {
        effects.report.errorsByCode[error.code, default: 0] += drafts.count
        statistics.lastAttemptError = error
        for draft in drafts {
            for var record in draft.records {
                record.attempts += 1
                record.lastError = error
                if phase == .stopped {
                    finish(record, .failure(.cancelled), effects: &effects)
                } else if record.arrivalNanoseconds + settings.timeToLiveNanoseconds <= now {
                    finish(
                        record, .failure(.expired(attempts: record.attempts, lastError: error)), effects: &effects)
                } else {
                    statistics.retries += 1
                    delayOrEnqueue(record, nowNanoseconds: now)
                }
            }
        }
    }

    /// Holds a failed record back for its backoff, or queues it at once when there is no backoff.
    private mutating func delayOrEnqueue(_ record: PendingRecord, nowNanoseconds now: Int64) {
        let initial = settings.retryBackoffInitialNanoseconds
        guard initial > 0 else {
            enqueue(record)
            return
        }
        let doublings = min(max(record.attempts - 1, 0), 30)
        let (grown, overflow) = initial.multipliedReportingOverflow(by: Int64(1) << doublings)
        let backoff = overflow ? settings.retryBackoffMaxNanoseconds : min(grown, settings.retryBackoffMaxNanoseconds)
        let jitter = Int64(Double(backoff) * Double.random(in: -0.3...0.3))
        var delayed = record
        delayed.retryNotBeforeNanoseconds = now + backoff + jitter
        delayedRetries.append(delayed)
    }

    /// Queues the held-back records whose backoff has passed.
    mutating func releaseDueRetries(nowNanoseconds now: Int64) {
        guard !delayedRetries.isEmpty else { return }
        var waiting: [PendingRecord] = []
        for record in delayedRetries {
            if record.retryNotBeforeNanoseconds <= now {
                enqueue(record)
            } else {
                waiting.append(record)
            }
        }
        delayedRetries = waiting
    }

    /// A record is done, one way or the other: it stops counting as outstanding and its caller hears of it.
    mutating func finish(
        _ record: PendingRecord, _ result: Result<PutRecordResult, ProducerError>, effects: inout ProducerEffects
    ) {
        outstandingRecords -= 1
        outstandingBytes -= record.sizeBytes
        flushes.finished(epoch: record.flushEpoch, resumed: &effects.flushes)
        switch result {
        case .success(let put):
            statistics.userRecordsPut += 1
            effects.report.userRecordsPut += 1
            effects.report.retriesPerRecord[put.attempts - 1, default: 0] += 1
        case .failure(let failure):
            statistics.userRecordsFailed += 1
            statistics.lastFailure = failure
            if case .expired = failure {
                statistics.userRecordsExpired += 1
                effects.report.userRecordsExpired += 1
            }
            effects.report.retriesPerRecord[max(record.attempts - 1, 0), default: 0] += 1
        }
        if let completion = record.completion {
            effects.results.append((completion, result))
        }
    }

    // MARK: Stopping

    /// `run()` was cancelled: every record still buffered or waiting fails, and nothing more is accepted. Records
    /// in flight fail as their calls return.
    mutating func stop(effects: inout ProducerEffects) {
        phase = .stopped
        var buffered: [PendingRecord] = []
        for index in lanes.indices {
            lanes[index].drainRecords(into: &buffered)
        }
        readyRecordCount = 0
        readyBytes = 0
        buffered.append(contentsOf: delayedRetries)
        delayedRetries = []
        for record in buffered {
            finish(record, .failure(.cancelled), effects: &effects)
        }
        while hasWaiters {
            let waiter = waiters[waiterHead]
            waiterHead += 1
            if let admission = waiter.admission {
                effects.admissions.append((admission, .failure(.cancelled)))
            } else if let completion = waiter.record.completion {
                effects.results.append((completion, .failure(.cancelled)))
            }
        }
        waiters = []
        waiterHead = 0
        effects.flushes.append(contentsOf: flushes.removeAllWaiters())
        effects.flushes.append(contentsOf: shutdownWaiters)
        shutdownWaiters = []
    }
}
