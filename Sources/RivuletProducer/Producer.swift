import Logging
import RivuletAggregation
import RivuletClient
import RivuletCore
import RivuletWire
import Synchronization

/// Puts records into a Kinesis stream efficiently, as the KPL does: records predicted to the same shard are
/// aggregated, aggregates are collected into PutRecords calls, each shard is paced under its limits, failed records
/// are retried until their time to live runs out, and callers wait for room when too much is outstanding.
///
/// The producer's background work runs inside `run()`, which its owner runs for the producer's lifetime (in a task
/// group, or as a service); `shutdown()` drains everything outstanding and makes `run()` return. Cancelling the
/// task that runs `run()` stops at once: records not yet put fail with `ProducerError.cancelled`.
///
/// Works with any `KinesisDataPlane`: a Rivulet server or Amazon Kinesis through `KinesisClient`.
public final class Producer: Sendable {
    public let streamName: String
    private let client: any KinesisDataPlane
    private let settings: ProducerSettings
    private let state: Mutex<ProducerState>
    private let metrics: ProducerMetrics
    private let logger: Logger
    private let clock: any MonotonicClock

    public init(stream: String, client: any KinesisDataPlane, configuration: ProducerConfiguration = .init()) {
        let checked = configuration.validated()
        streamName = stream
        self.client = client
        settings = ProducerSettings(checked)
        clock = checked.clock
        state = Mutex(ProducerState(settings: settings, nowNanoseconds: clock.nowNanoseconds()))
        metrics = ProducerMetrics(streamName: stream)
        var logger = checked.logger
        logger[metadataKey: "stream.name"] = "\(stream)"
        self.logger = logger
    }

    // MARK: Putting records

    /// Puts one record and waits until Kinesis has it.
    /// - Returns: where it was put.
    /// - Throws: `ProducerError`: invalid input at once; `expired` when its time to live ran out; `shutDown` if the
    ///   producer no longer accepts records; `cancelled` if `run()` was cancelled first.
    public func put(_ data: [UInt8], partitionKey: String, explicitHashKey: String? = nil) async throws(ProducerError)
        -> PutRecordResult
    {
        let record = try prepare(data, partitionKey: partitionKey, explicitHashKey: explicitHashKey)
        let result = await withCheckedContinuation { continuation in
            let completion = PutCompletion.continuation(continuation)
            var waiting = record
            waiting.completion = completion
            var refused: ProducerError?
            let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
                switch state.admitOrWait(waiting, admission: nil, nowNanoseconds: clock.nowNanoseconds()) {
                case .admitted(let wake): return wake
                case .full: return nil
                case .refused(let error):
                    refused = error
                    return nil
                }
            }
            wake?.resume()
            if let refused { completion.resume(returning: .failure(refused)) }
        }
        return try result.get()
    }

    /// Hands one record to the producer and returns once it is accepted (waiting only while the producer is full);
    /// `onCompletion` is called exactly once with the record's result, from the producer's own tasks, so it must be
    /// quick and must not block. Lets a caller keep many records in flight without a task per record (the agent
    /// checkpoints a file only past records whose results arrived).
    /// - Throws: `ProducerError` for invalid input, or when the producer no longer accepts records; `onCompletion`
    ///   is then never called.
    public func put(
        _ data: [UInt8], partitionKey: String, explicitHashKey: String? = nil,
        onCompletion: @escaping @Sendable (Result<PutRecordResult, ProducerError>) -> Void
    ) async throws(ProducerError) {
        var record = try prepare(data, partitionKey: partitionKey, explicitHashKey: explicitHashKey)
        record.completion = .callback(onCompletion)
        try await admit(record)
    }

    /// Hands one record to the producer without waiting for its result, which reaches only `statistics()` and the
    /// metrics. Waits only while the producer is full (back-pressure).
    /// - Throws: `ProducerError` for invalid input, or when the producer no longer accepts records.
    public func putWithoutWaiting(_ data: [UInt8], partitionKey: String, explicitHashKey: String? = nil)
        async throws(ProducerError)
    {
        let record = try prepare(data, partitionKey: partitionKey, explicitHashKey: explicitHashKey)
        try await admit(record)
    }

    /// Takes `record` at once if there is room, or waits for room.
    private func admit(_ record: PendingRecord) async throws(ProducerError) {
        let outcome = state.withLock { $0.admit(record, nowNanoseconds: clock.nowNanoseconds()) }
        switch outcome {
        case .admitted(let wake):
            wake?.resume()
        case .refused(let error):
            throw error
        case .full:
            try await waitForRoom(record).get()
        }
    }

    private func waitForRoom(_ record: PendingRecord) async -> Result<Void, ProducerError> {
        await withCheckedContinuation { admission in
            let outcome = state.withLock {
                $0.admitOrWait(record, admission: admission, nowNanoseconds: clock.nowNanoseconds())
            }
            switch outcome {
            case .admitted(let wake):
                wake?.resume()
                admission.resume(returning: .success(()))
            case .full:
                break
            case .refused(let error):
                admission.resume(returning: .failure(error))
            }
        }
    }

    /// Checks a record as Kinesis would and computes its hash key, before it costs the producer anything.
    private func prepare(_ data: [UInt8], partitionKey: String, explicitHashKey: String?) throws(ProducerError)
        -> PendingRecord
    {
        let keyBytes = partitionKey.utf8.count
        guard keyBytes > 0 else { throw .invalidPartitionKey(reason: "it is empty") }
        // Kinesis counts UTF-16 code units; UTF-8 is never shorter, so only long keys need counting again.
        if keyBytes > Limits.partitionKeyLengthMax && partitionKey.utf16.count > Limits.partitionKeyLengthMax {
            throw .invalidPartitionKey(reason: "it is longer than \(Limits.partitionKeyLengthMax) characters")
        }
        guard data.count + keyBytes <= settings.recordBytesMax else {
            throw .recordTooLarge(bytes: data.count + keyBytes, limitBytes: settings.recordBytesMax)
        }
        let hashKey: UInt128
        if let explicitHashKey {
            guard let parsed = HashKey.parse(decimal: explicitHashKey) else {
                throw .invalidExplicitHashKey(explicitHashKey)
            }
            hashKey = parsed
        } else {
            hashKey = HashKey.of(partitionKey: partitionKey)
        }
        return PendingRecord(
            record: UserRecord(partitionKey: partitionKey, explicitHashKey: explicitHashKey, data: data),
            hashKey: hashKey, arrivalNanoseconds: clock.nowNanoseconds())
    }

    // MARK: Flushing and shutting down

    /// Sends everything buffered without waiting for the buffering deadlines, and returns once every record
    /// accepted before the call has been put or has failed.
    public func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (waits, wake) = state.withLock { state in
                let waits = state.phase != .stopped && state.flushes.addWaiter(continuation)
                return (waits, waits ? state.takeDispatcher() : nil)
            }
            wake?.resume()
            if !waits { continuation.resume() }
        }
    }

    /// Stops accepting records, sends everything outstanding (callers already waiting for room included), and
    /// returns once all of it has been put or has failed and `run()` has finished. Needs `run()` to be running, or
    /// to have finished.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (waits, wake) = state.withLock { state in
                guard state.phase != .stopped else { return (false, CheckedContinuation<Void, Never>?.none) }
                state.phase = .shuttingDown
                state.shutdownWaiters.append(continuation)
                return (true, state.takeDispatcher())
            }
            wake?.resume()
            if !waits { continuation.resume() }
        }
    }

    /// Stops at once, as cancelling the task running `run()` does: records not yet put fail with `cancelled`, and
    /// callers waiting for room are refused. For an owner that gives a drain a deadline and cannot cancel the task
    /// that runs `run()`.
    public func abort() {
        let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.abortRequested = true
            return state.takeDispatcher()
        }
        wake?.resume()
    }

    /// Totals since the producer was created.
    public func statistics() -> ProducerStatistics {
        state.withLock { $0.statistics }
    }

    /// User records accepted and not yet finished.
    public var outstandingRecordCount: Int {
        state.withLock { $0.outstandingRecords }
    }

    /// Bytes (data and partition keys) of the user records accepted and not yet finished: what
    /// `outstandingBytesMax` bounds.
    public var outstandingByteCount: Int {
        state.withLock { $0.outstandingBytes }
    }

    // MARK: Test seams

    /// The shard map in use; nil before the first load.
    var currentShardMap: ShardMap? {
        state.withLock { $0.shardMap }
    }

    /// Replaces the shard map, as if a load had returned `map`: lets tests hand the producer a stale map.
    func installShardMapForTesting(_ map: ShardMap) {
        var effects = ProducerEffects()
        state.withLock { $0.installShardMap(map, nowNanoseconds: clock.nowNanoseconds(), effects: &effects) }
        effects.perform(metrics)
    }

    // MARK: Running

    /// Runs the producer's background work until `shutdown()` has drained it, or until cancelled: a timer for the
    /// buffering deadlines, the shard map's loader, and a dispatcher that forms PutRecords requests and sends
    /// them, at most `requestsInFlightMax` at a time, each in a child task of this call.
    public func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.tickUntilStopped() }
            group.addTask { await self.refreshShardMapUntilStopped() }
            while true {
                if Task.isCancelled || state.withLock({ $0.abortRequested }) {
                    var effects = ProducerEffects()
                    state.withLock { $0.stop(effects: &effects) }
                    effects.perform(metrics)
                    logger.info("producer cancelled; records not yet put were failed")
                    break
                }
                var effects = ProducerEffects()
                let action = state.withLock {
                    $0.nextDispatch(nowNanoseconds: clock.nowNanoseconds(), effects: &effects)
                }
                effects.perform(metrics)
                switch action {
                case .send(let batch):
                    group.addTask { await self.send(batch) }
                    continue
                case .wait:
                    await waitForWork()
                    continue
                case .finished:
                    break
                }
                break
            }
            // The timer and the map loader notice the stop at their next tick; a map load in progress need not
            // finish. Nothing else is left: a finished dispatcher has no request in flight.
            group.cancelAll()
        }
    }

    private func waitForWork() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let parked = state.withLock { $0.parkDispatcher(continuation) }
                if !parked { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.takeDispatcher() }?.resume()
        }
    }

    /// Wakes the dispatcher every tick so that buffering deadlines and refilled tokens are noticed.
    private func tickUntilStopped() async {
        while true {
            do {
                try await Task.sleep(for: .nanoseconds(settings.tickNanoseconds))
            } catch {
                return
            }
            let (stopped, wake) = state.withLock { state in
                state.blockedOnTokens = false
                return (state.phase == .stopped, state.phase == .stopped ? nil : state.takeDispatcher())
            }
            if stopped { return }
            wake?.resume()
        }
    }

    private func refreshShardMapUntilStopped() async {
        let loader = ShardMapLoader(client: client, streamName: streamName)
        while true {
            let (stopped, due) = state.withLock { state in
                (state.phase == .stopped, state.isShardMapRefreshDue(nowNanoseconds: clock.nowNanoseconds()))
            }
            if stopped { return }
            if due {
                var map: ShardMap?
                do {
                    map = try await loader.load()
                    logger.debug("shard map loaded", metadata: ["shard.count": "\(map?.count ?? 0)"])
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning(
                        "could not load the shard map; records go out unaggregated until it loads",
                        metadata: ["error": "\(error)"])
                }
                var effects = ProducerEffects()
                state.withLock {
                    $0.installShardMap(map, nowNanoseconds: clock.nowNanoseconds(), effects: &effects)
                }
                effects.perform(metrics)
                continue
            }
            do {
                try await Task.sleep(for: .nanoseconds(settings.tickNanoseconds * 5))
            } catch {
                return
            }
        }
    }

    // MARK: Sending

    private func send(_ batch: PutBatch) async {
        let started = clock.nowNanoseconds()
        var report = MetricsReport()
        var entries: [PutRecordsRequestEntry] = []
        entries.reserveCapacity(batch.count)
        for draft in batch.drafts {
            entries.append(draft.requestEntry())
            report.bufferingTimesNanoseconds.append(started - draft.oldestArrivalNanoseconds)
        }
        metrics.emit(report)
        let outcome: BatchOutcome
        do {
            let output = try await client.putRecords(PutRecordsInput(records: entries, streamName: streamName))
            outcome = .answered(output.records)
        } catch is CancellationError {
            outcome = .cancelled
        } catch {
            let attemptError = Self.attemptError(error)
            logger.debug("PutRecords failed", metadata: ["error": "\(attemptError)"])
            outcome = .failed(attemptError, refreshShardMap: Self.suggestsStaleShardMap(error))
            // A failure that outlived the client's own retries is not retried at once.
            try? await Task.sleep(for: .nanoseconds(settings.failedCallRetryDelayNanoseconds))
        }
        let finished = clock.nowNanoseconds()
        metrics.recordRequest(nanoseconds: finished - started, kinesisRecords: batch.count)
        var effects = ProducerEffects()
        let delivers = state.withLock { state in
            state.complete(batch, outcome, nowNanoseconds: finished, effects: &effects)
            if !effects.results.isEmpty { state.completionsInDelivery += 1 }
            return !effects.results.isEmpty
        }
        effects.perform(metrics)
        guard delivers else { return }
        // The dispatcher may have found nothing outstanding while these callbacks ran; now the drain can end.
        let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.completionsInDelivery -= 1
            return state.completionsInDelivery == 0 ? state.takeDispatcher() : nil
        }
        wake?.resume()
    }

    private static func attemptError(_ error: any Error) -> ProducerAttemptError {
        guard let clientError = error as? KinesisClientError else {
            return ProducerAttemptError(code: "ClientError", message: "\(error)")
        }
        switch clientError {
        case .service(let kinesisError, _, _):
            return ProducerAttemptError(code: kinesisError.code.rawValue, message: kinesisError.message)
        case .unexpectedResponse:
            return ProducerAttemptError(code: "UnexpectedResponse", message: clientError.description)
        case .connectionFailed:
            return ProducerAttemptError(code: "ConnectionFailed", message: clientError.description)
        case .connectionLost:
            return ProducerAttemptError(code: "ConnectionLost", message: clientError.description)
        }
    }

    /// ResourceNotFound and InvalidArgument can mean a shard the map names is gone.
    private static func suggestsStaleShardMap(_ error: any Error) -> Bool {
        guard let code = (error as? KinesisClientError)?.kinesisError?.code else { return false }
        return code == .resourceNotFound || code == .invalidArgument
    }
}
