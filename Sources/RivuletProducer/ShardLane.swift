import RivuletAggregation
import RivuletCore

/// Everything buffered for one predicted shard: the aggregate being filled, the Kinesis records ready to send, and
/// the shard's rate limiter.
struct ShardLane: Sendable {
    /// nil for the lane used while no shard map is known: records there are not aggregated or rate limited.
    let shardId: String?
    private(set) var aggregate = AggregateBuilder()
    private(set) var aggregateRecords: [PendingRecord] = []
    private(set) var aggregateOldestArrivalNanoseconds = Int64.max
    /// Ready drafts from `readyHead` on, oldest first.
    private var ready: [KinesisRecordDraft] = []
    private var readyHead = 0
    private var recordTokens: TokenBucket?
    private var byteTokens: TokenBucket?

    init(shardId: String?, recordsPerSecond: Double?, bytesPerSecond: Double?, nowNanoseconds: Int64) {
        self.shardId = shardId
        if shardId != nil, let recordsPerSecond, let bytesPerSecond {
            recordTokens = TokenBucket(ratePerSecond: recordsPerSecond, nowNanoseconds: nowNanoseconds)
            byteTokens = TokenBucket(ratePerSecond: bytesPerSecond, nowNanoseconds: nowNanoseconds)
        }
    }

    var readyCount: Int { ready.count - readyHead }
    var hasAggregate: Bool { !aggregate.isEmpty }

    // MARK: Aggregation

    /// Adds `record` to the open aggregate if it fits within the bounds; returns false (and changes nothing) if it
    /// does not, and the aggregate must be closed first. An empty aggregate takes any record.
    mutating func addToAggregate(_ record: PendingRecord, maxSizeBytes: Int, maxCount: Int) -> Bool {
        guard aggregate.count < maxCount,
            aggregate.append(record.record, hashKey: record.hashKey, ifEncodedSizeAtMost: maxSizeBytes)
        else { return false }
        aggregateOldestArrivalNanoseconds = min(aggregateOldestArrivalNanoseconds, record.arrivalNanoseconds)
        aggregateRecords.append(record)
        return true
    }

    /// Moves the open aggregate (one record: raw) to the ready drafts; returns the draft's size.
    mutating func closeAggregate(bufferedTimeNanoseconds: Int64) -> Int {
        precondition(!aggregate.isEmpty)
        let draft = KinesisRecordDraft(
            records: aggregateRecords, aggregate: aggregate, predictedShardId: shardId,
            oldestArrivalNanoseconds: aggregateOldestArrivalNanoseconds,
            bufferedTimeNanoseconds: bufferedTimeNanoseconds)
        // The next aggregate will most likely hold as many records as this one: size its storage for them.
        let expectedCount = aggregateRecords.count
        aggregate = AggregateBuilder(reservingCapacity: expectedCount)
        aggregateRecords = []
        aggregateRecords.reserveCapacity(expectedCount)
        aggregateOldestArrivalNanoseconds = .max
        appendReady(draft)
        return draft.sizeBytes
    }

    // MARK: Ready drafts

    mutating func appendReady(_ draft: KinesisRecordDraft) {
        ready.append(draft)
    }

    var firstReadyDeadlineNanoseconds: Int64? {
        readyHead < ready.count ? ready[readyHead].deadlineNanoseconds : nil
    }

    var firstReady: KinesisRecordDraft? {
        readyHead < ready.count ? ready[readyHead] : nil
    }

    mutating func removeFirstReady() -> KinesisRecordDraft {
        precondition(readyHead < ready.count)
        let draft = ready[readyHead]
        // Release the slot's records now; the array itself is compacted once drained or half consumed.
        ready[readyHead].records = []
        ready[readyHead].aggregate = nil
        readyHead += 1
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        } else if readyHead >= 64 && readyHead * 2 >= ready.count {
            ready.removeFirst(readyHead)
            readyHead = 0
        }
        return draft
    }

    /// Every record buffered here, aggregate and ready drafts alike, leaving the lane empty: used when the shard
    /// map changes and records must be predicted again.
    mutating func drainRecords(into records: inout [PendingRecord]) {
        records.append(contentsOf: aggregateRecords)
        for draft in ready[readyHead...] {
            records.append(contentsOf: draft.records)
        }
        aggregate = AggregateBuilder()
        aggregateRecords = []
        aggregateOldestArrivalNanoseconds = .max
        ready = []
        readyHead = 0
    }

    // MARK: Rate limiting

    mutating func refillTokens(nowNanoseconds: Int64) {
        recordTokens?.refill(nowNanoseconds: nowNanoseconds)
        byteTokens?.refill(nowNanoseconds: nowNanoseconds)
    }

    func tokensAllow(_ draft: KinesisRecordDraft) -> Bool {
        (recordTokens?.allows(1) ?? true) && (byteTokens?.allows(Double(draft.sizeBytes)) ?? true)
    }

    mutating func takeTokens(for draft: KinesisRecordDraft) {
        recordTokens?.take(1)
        byteTokens?.take(Double(draft.sizeBytes))
    }

    /// Keeps the rate limiter's state across a shard map change for a shard that is still there.
    mutating func inheritTokens(from other: ShardLane) {
        recordTokens = other.recordTokens
        byteTokens = other.byteTokens
    }
}
