import RivuletAggregation
import RivuletWire

/// One Kinesis record waiting to be sent: an aggregate of several user records, or one user record sent raw.
/// The aggregate is encoded only when it is sent, outside the producer's lock.
struct KinesisRecordDraft: Sendable {
    var records: [PendingRecord]
    /// Set when `records` holds more than one record.
    var aggregate: AggregateBuilder?
    /// The shard it was predicted for; nil when no shard map was available.
    var predictedShardId: String?
    /// Data plus partition key as PutRecords counts it.
    var sizeBytes: Int
    /// When it must be sent by: its oldest record's arrival plus the maximum buffered time.
    var deadlineNanoseconds: Int64
    /// Its oldest record's arrival: the time to live runs from there.
    var oldestArrivalNanoseconds: Int64

    /// A draft of a single record, sent as it came.
    init(raw record: PendingRecord, predictedShardId: String?, bufferedTimeNanoseconds: Int64) {
        records = [record]
        aggregate = nil
        self.predictedShardId = predictedShardId
        sizeBytes = record.sizeBytes
        oldestArrivalNanoseconds = record.arrivalNanoseconds
        deadlineNanoseconds = record.arrivalNanoseconds + bufferedTimeNanoseconds
    }

    /// A draft of an aggregate's records; a lone one is sent raw.
    init(
        records: [PendingRecord], aggregate: AggregateBuilder, predictedShardId: String?,
        oldestArrivalNanoseconds: Int64, bufferedTimeNanoseconds: Int64
    ) {
        precondition(!records.isEmpty && records.count == aggregate.count)
        self.records = records
        self.predictedShardId = predictedShardId
        self.oldestArrivalNanoseconds = oldestArrivalNanoseconds
        deadlineNanoseconds = oldestArrivalNanoseconds + bufferedTimeNanoseconds
        if records.count == 1 {
            self.aggregate = nil
            sizeBytes = records[0].sizeBytes
        } else {
            self.aggregate = aggregate
            sizeBytes = aggregate.encodedSizeBytes + AggregateBuilder.aggregatePartitionKey.utf8.count
        }
    }

    /// The PutRecords entry to send.
    func requestEntry() -> PutRecordsRequestEntry {
        if let aggregate {
            return PutRecordsRequestEntry(
                data: aggregate.encode(), explicitHashKey: aggregate.explicitHashKey,
                partitionKey: AggregateBuilder.aggregatePartitionKey)
        }
        let record = records[0].record
        return PutRecordsRequestEntry(
            data: record.data, explicitHashKey: record.explicitHashKey, partitionKey: record.partitionKey)
    }
}

