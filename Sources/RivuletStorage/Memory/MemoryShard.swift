/// One shard of the in-memory store: its records from the trim horizon on, densely by position.
struct MemoryShard: Sendable {
    private(set) var records: [StoredRecord] = []
    private(set) var trimHorizonPosition: UInt64 = 0
    private(set) var storedBytes: Int64 = 0

    var nextPosition: UInt64 { trimHorizonPosition + UInt64(records.count) }

    var state: ShardState {
        ShardState(
            trimHorizonPosition: trimHorizonPosition, nextPosition: nextPosition,
            lastArrivalMilliseconds: lastArrivalMilliseconds)
    }

    private(set) var lastArrivalMilliseconds: Int64?

    /// Appends a batch at one arrival time (never earlier than the previous one) and returns its receipt.
    mutating func append(_ batch: ShardAppend, nowMilliseconds: Int64) -> AppendReceipt {
        let arrival = max(nowMilliseconds, lastArrivalMilliseconds ?? nowMilliseconds)
        let first = nextPosition
        for (offset, record) in batch.records.enumerated() {
            records.append(
                StoredRecord(
                    position: first + UInt64(offset), arrivalMilliseconds: arrival,
                    partitionKey: record.partitionKey, data: record.data, sealed: record.sealed))
            storedBytes += Int64(record.partitionKey.utf8.count + record.data.count)
        }
        lastArrivalMilliseconds = arrival
        return AppendReceipt(shardIndex: batch.shardIndex, firstPosition: first, arrivalMilliseconds: arrival)
    }

    func read(from position: UInt64, recordLimit: Int, byteLimit: Int) -> ShardReadResult {
        let start = max(position, trimHorizonPosition)
        var selected: [StoredRecord] = []
        var bytes = 0
        if start < nextPosition {
            for record in records[Int(start - trimHorizonPosition)...] {
                let size = record.partitionKey.utf8.count + record.data.count
                if selected.count == recordLimit || (!selected.isEmpty && bytes + size > byteLimit) { break }
                bytes += size
                selected.append(record)
            }
        }
        return ShardReadResult(
            records: selected, nextPosition: selected.last.map { $0.position + 1 } ?? start, shard: state)
    }

    func position(atTimestamp milliseconds: Int64) -> UInt64 {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if records[middle].arrivalMilliseconds < milliseconds { low = middle + 1 } else { high = middle }
        }
        return trimHorizonPosition + UInt64(low)
    }

    /// Drops the records that arrived before the cutoff; returns the bytes freed.
    mutating func removeRecords(arrivedBefore cutoffMilliseconds: Int64) -> Int64 {
        let count = records.prefix { $0.arrivalMilliseconds < cutoffMilliseconds }.count
        let freed = records.prefix(count).reduce(Int64(0)) { $0 + Int64($1.partitionKey.utf8.count + $1.data.count) }
        records.removeFirst(count)
        trimHorizonPosition += UInt64(count)
        storedBytes -= freed
        return freed
    }
}
