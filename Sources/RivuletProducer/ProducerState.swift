import RivuletAggregation

/// The producer's whole mutable state, behind one lock in `Producer`. Its methods are the transitions; each
/// returns the continuations to resume and the metrics to report (`ProducerEffects`), which the caller performs
/// after releasing the lock. No I/O happens here.
struct ProducerState: Sendable {
    enum Phase: Sendable, Equatable {
        case running
        /// `shutdown()` was called: nothing new is accepted; what is outstanding is drained.
        case shuttingDown
        /// `run()` finished (drained, or cancelled): nothing is accepted or sent.
        case stopped
    }

    enum MapStatus: Sendable, Equatable {
        /// The first load has not finished: records wait for it, so that they can be aggregated.
        case loading
        case loaded
        /// No map could be loaded: records go out raw, unpredicted, until one can.
        case unavailable
    }

    /// A caller waiting for room: `put`'s record carries its result continuation; `putWithoutWaiting` waits on
    /// `admission` only.
    struct AdmissionWaiter: Sendable {
        var record: PendingRecord
        var admission: CheckedContinuation<Result<Void, ProducerError>, Never>?
    }

    enum AdmissionOutcome {
        case admitted(wake: CheckedContinuation<Void, Never>?)
        /// No room: the record was not taken (or, for `admitOrWait`, it waits in line).
        case full
        case refused(ProducerError)
    }

    let settings: ProducerSettings
    var phase = Phase.running
    var mapStatus = MapStatus.loading
    var shardMap: ShardMap?
    /// One lane per shard of the map, then one for records the map cannot place (always the last).
    var lanes: [ShardLane]
    var laneCursor = 0
    var readyRecordCount = 0
    var readyBytes = 0
    var outstandingRecords = 0
    var outstandingBytes = 0
    var waiters: [AdmissionWaiter] = []
    var waiterHead = 0
    var requestsInFlight = 0
    var dispatcherWaiter: CheckedContinuation<Void, Never>?
    var dispatcherSignalled = false
    /// The last dispatch found ready records but no shard with tokens: records arriving cannot change that, only
    /// time can, so they do not wake the dispatcher until the next tick.
    var blockedOnTokens = false
    /// Failed records waiting out their retry backoff; at most the outstanding bound.
    var delayedRetries: [PendingRecord] = []
    var flushes = FlushTracker()
    var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    /// Completed requests whose records' completion callbacks are being run outside the lock. A drain is not over
    /// until they have run: an owner that saves progress after `shutdown()` returns (the agent's checkpoints) must
    /// see every acknowledgement.
    var completionsInDelivery = 0
    var statistics = ProducerStatistics()
    var refreshRequested = false
    /// `abort()` was called: the dispatcher stops as if cancelled.
    var abortRequested = false
    var lastRefreshNanoseconds: Int64 = .min
    var receivedSinceReport = 0

    init(settings: ProducerSettings, nowNanoseconds: Int64) {
        self.settings = settings
        lanes = [ShardLane(shardId: nil, recordsPerSecond: nil, bytesPerSecond: nil, nowNanoseconds: nowNanoseconds)]
    }

    var hasWaiters: Bool { waiterHead < waiters.count }

    // MARK: Admission

    /// Takes `record` if there is room and nobody is waiting before it.
    mutating func admit(_ record: PendingRecord, nowNanoseconds: Int64) -> AdmissionOutcome {
        guard phase == .running else { return .refused(.shutDown) }
        guard !hasWaiters, hasRoom(for: record.sizeBytes) else { return .full }
        accept(record, nowNanoseconds: nowNanoseconds)
        return .admitted(wake: wakeIfBatchFull())
    }

    /// Takes `record`, or puts it in line for room; `admission` is resumed when it is taken (nil: the record's own
    /// completion is all the caller waits for).
    mutating func admitOrWait(
        _ record: PendingRecord, admission: CheckedContinuation<Result<Void, ProducerError>, Never>?,
        nowNanoseconds: Int64
    ) -> AdmissionOutcome {
        let outcome = admit(record, nowNanoseconds: nowNanoseconds)
        if case .full = outcome {
            waiters.append(AdmissionWaiter(record: record, admission: admission))
        }
        return outcome
    }

    private func hasRoom(for sizeBytes: Int) -> Bool {
        // An oversize record still goes alone, or it could never go.
        outstandingRecords < settings.outstandingRecordsMax
            && (outstandingBytes + sizeBytes <= settings.outstandingBytesMax || outstandingRecords == 0)
    }

    private mutating func accept(_ record: PendingRecord, nowNanoseconds: Int64) {
        var accepted = record
        // The time to live and the buffering deadline run from acceptance, not from the wait for room.
        accepted.arrivalNanoseconds = nowNanoseconds
        accepted.flushEpoch = flushes.accepted()
        outstandingRecords += 1
        outstandingBytes += accepted.sizeBytes
        statistics.userRecordsReceived += 1
        receivedSinceReport += 1
        enqueue(accepted)
    }

    /// Lets waiting callers in while there is room, in order.
    mutating func admitWaiters(nowNanoseconds: Int64, effects: inout ProducerEffects) {
        while hasWaiters, phase != .stopped, hasRoom(for: waiters[waiterHead].record.sizeBytes) {
            let waiter = waiters[waiterHead]
            waiters[waiterHead].admission = nil
            waiterHead += 1
            accept(waiter.record, nowNanoseconds: nowNanoseconds)
            if let admission = waiter.admission {
                effects.admissions.append((admission, .success(())))
            }
        }
        if waiterHead == waiters.count {
            waiters.removeAll(keepingCapacity: true)
            waiterHead = 0
        } else if waiterHead >= 64 && waiterHead * 2 >= waiters.count {
            waiters.removeFirst(waiterHead)
            waiterHead = 0
        }
    }

    // MARK: Buffering

    /// Puts an accepted record where it belongs: its predicted shard's aggregate, or a raw draft.
    mutating func enqueue(_ record: PendingRecord) {
        let laneIndex = shardMap?.index(of: record.hashKey) ?? (lanes.count - 1)
        // Read apart from the condition below: inside `&&` the lane would be copied whole.
        let predictedShardId = lanes[laneIndex].shardId
        let aggregates =
            settings.aggregationEnabled && predictedShardId != nil
            && record.sizeBytes + ProducerSettings.aggregateOverheadBytesMax <= settings.aggregationMaxSizeBytes
        guard aggregates else {
            lanes[laneIndex].appendReady(
                KinesisRecordDraft(
                    raw: record, predictedShardId: predictedShardId,
                    bufferedTimeNanoseconds: settings.bufferedTimeNanoseconds))
            readyRecordCount += 1
            readyBytes += record.sizeBytes
            return
        }
        let maxSizeBytes = settings.aggregationMaxSizeBytes
        let maxCount = settings.aggregationMaxCount
        if !lanes[laneIndex].addToAggregate(record, maxSizeBytes: maxSizeBytes, maxCount: maxCount) {
            closeAggregate(laneIndex)
            let added = lanes[laneIndex].addToAggregate(record, maxSizeBytes: maxSizeBytes, maxCount: maxCount)
            precondition(added, "an empty aggregate takes any record")
        }
    }

    mutating func closeAggregate(_ laneIndex: Int) {
        readyBytes += lanes[laneIndex].closeAggregate(bufferedTimeNanoseconds: settings.bufferedTimeNanoseconds)
        readyRecordCount += 1
    }

    // MARK: Waking the dispatcher

    /// The dispatcher's continuation, if it waits and a full request is now ready for it.
    mutating func wakeIfBatchFull() -> CheckedContinuation<Void, Never>? {
        guard dispatcherWaiter != nil, !blockedOnTokens, requestsInFlight < settings.requestsInFlightMax,
            readyRecordCount >= settings.collectionMaxCount || readyBytes >= settings.collectionMaxSizeBytes
        else { return nil }
        return takeDispatcher()
    }

    /// The dispatcher's continuation if it waits; otherwise it will not wait at its next try.
    mutating func takeDispatcher() -> CheckedContinuation<Void, Never>? {
        if let waiter = dispatcherWaiter {
            dispatcherWaiter = nil
            return waiter
        }
        dispatcherSignalled = true
        return nil
    }

    /// Parks the dispatcher unless it was signalled since it last looked; returns false when it must look again
    /// at once.
    mutating func parkDispatcher(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        precondition(dispatcherWaiter == nil, "one dispatcher only")
        if dispatcherSignalled {
            dispatcherSignalled = false
            return false
        }
        dispatcherWaiter = continuation
        return true
    }
}
