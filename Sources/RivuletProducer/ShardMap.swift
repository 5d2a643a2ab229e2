import RivuletCore
import RivuletWire

/// The stream's open shards and their hash key ranges, sorted, for predicting which shard a record will land on.
struct ShardMap: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var shardId: String
        var startingHashKey: UInt128
        var endingHashKey: UInt128
    }

    /// Sorted by starting hash key; ranges do not overlap.
    private(set) var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries.sorted { $0.startingHashKey < $1.startingHashKey }
    }

    /// The open shards among `shards`: those without an ending sequence number. Shards whose ranges do not parse
    /// are left out; their records are predicted nowhere and sent unaggregated.
    init(shards: [Shard]) {
        self.init(
            entries: shards.compactMap { shard in
                guard shard.sequenceNumberRange.endingSequenceNumber == nil,
                    let start = HashKey.parse(decimal: shard.hashKeyRange.startingHashKey),
                    let end = HashKey.parse(decimal: shard.hashKeyRange.endingHashKey), start <= end
                else { return nil }
                return Entry(shardId: shard.shardId, startingHashKey: start, endingHashKey: end)
            })
    }

    var count: Int { entries.count }

    /// The index of the shard whose range holds `hashKey`, or nil if none does (a map caught mid-reshard).
    func index(of hashKey: UInt128) -> Int? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].endingHashKey < hashKey {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < entries.count, entries[low].startingHashKey <= hashKey else { return nil }
        return low
    }
}
