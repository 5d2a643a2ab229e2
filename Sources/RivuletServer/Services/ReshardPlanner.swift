import RivuletCore
import RivuletStorage

/// Plans a reshard as a sequence of splits and merges over a stream's open shards, without I/O: the result is a
/// `PendingReshard` that the catalog stores and `ReshardPlanner.apply` later puts in place. New shards take the next
/// indices in the order the steps create them, as AWS numbers them.
struct ReshardPlanner {
    private let stream: StreamDescriptor
    private var nextIndex: Int
    /// Open shards as the plan leaves them (existing or new), by index.
    private var openRanges: [Int: HashKeyRange]
    private var closing: [Int] = []
    private var added: [ShardDescriptor] = []

    init(stream: StreamDescriptor) {
        self.stream = stream
        nextIndex = stream.nextShardIndex
        openRanges = Dictionary(uniqueKeysWithValues: stream.openShards.map { ($0.index, $0.hashKeyRange) })
    }

    var pendingReshard: PendingReshard {
        PendingReshard(closingShardIndices: closing, newShards: added)
    }

    /// Splits an open shard so that the upper child starts at `key`; returns the lower and upper children.
    @discardableResult
    mutating func split(_ index: Int, at key: UInt128) -> (lower: Int, upper: Int) {
        let range = close(index)
        precondition(key > range.startingHashKey && key <= range.endingHashKey, "a split key lies inside the shard")
        let lower = add(
            HashKeyRange(startingHashKey: range.startingHashKey, endingHashKey: key - 1), parent: index, adjacent: nil)
        let upper = add(HashKeyRange(startingHashKey: key, endingHashKey: range.endingHashKey), parent: index, adjacent: nil)
        return (lower, upper)
    }

    /// Merges two open shards whose ranges meet (`index` the lower); returns the child.
    @discardableResult
    mutating func merge(_ index: Int, _ adjacentIndex: Int) -> Int {
        let lower = close(index)
        let upper = close(adjacentIndex)
        precondition(lower.endingHashKey < UInt128.max && lower.endingHashKey + 1 == upper.startingHashKey, "adjacent")
        return add(
            HashKeyRange(startingHashKey: lower.startingHashKey, endingHashKey: upper.endingHashKey), parent: index,
            adjacent: adjacentIndex)
    }

    /// UNIFORM_SCALING: the open shards become `target` shards with the ranges CreateStream would give them. Walks the
    /// target ranges from the lowest: each is assembled from the open shards it overlaps, splitting the last one where
    /// the range ends and merging the pieces left to right. Shards that already match a target range stay as they are.
    mutating func scaleUniformly(to target: Int) {
        var queue = stream.openShards
            .sorted { $0.hashKeyRange.startingHashKey < $1.hashKeyRange.startingHashKey }
            .map { (index: $0.index, range: $0.hashKeyRange) }
        var next = 0
        for goal in HashKeyRange.evenSplit(count: target) {
            var assembled: (index: Int, range: HashKeyRange)?
            while assembled.map({ $0.range.endingHashKey < goal.endingHashKey }) ?? true {
                precondition(next < queue.count, "open shards cover the whole key space")
                var piece = queue[next]
                if piece.range.endingHashKey > goal.endingHashKey {
                    let halves = split(piece.index, at: goal.endingHashKey + 1)
                    queue[next] = (halves.upper, openRanges[halves.upper]!)
                    piece = (halves.lower, openRanges[halves.lower]!)
                } else {
                    next += 1
                }
                if let left = assembled {
                    let child = merge(left.index, piece.index)
                    assembled = (child, openRanges[child]!)
                } else {
                    assembled = piece
                }
            }
        }
    }

    private mutating func close(_ index: Int) -> HashKeyRange {
        guard let range = openRanges.removeValue(forKey: index) else {
            preconditionFailure("only open shards are split or merged")
        }
        if let number = added.firstIndex(where: { $0.index == index }) {
            // A shard this plan created and closes again: it lives for no time and never takes a record.
            added[number].closedAtPosition = 0
        } else {
            closing.append(index)
        }
        return range
    }

    private mutating func add(_ range: HashKeyRange, parent: Int, adjacent: Int?) -> Int {
        let index = nextIndex
        nextIndex += 1
        // Creation time is set when the reshard is applied.
        added.append(
            ShardDescriptor(
                index: index, hashKeyRange: range, parentIndex: parent, adjacentParentIndex: adjacent,
                createdMilliseconds: 0))
        openRanges[index] = range
        return index
    }

    // MARK: Applying

    /// Puts a planned reshard in place: the parents close now (the store records where each really ends) and the
    /// new shards are created now, never earlier than any shard before them, so that their sequence numbers compare
    /// greater than their parents'.
    static func apply(_ pending: PendingReshard, to stream: inout StreamDescriptor, nowMilliseconds: Int64) {
        let created = max(nowMilliseconds, stream.shards.map(\.createdMilliseconds).max() ?? nowMilliseconds)
        for index in pending.closingShardIndices {
            guard let number = stream.shards.firstIndex(where: { $0.index == index }), stream.shards[number].isOpen
            else { preconditionFailure("a pending reshard closes open shards of its stream") }
            stream.shards[number].closedAtPosition = 0
            stream.shards[number].closedMilliseconds = nowMilliseconds
        }
        for var shard in pending.newShards {
            precondition(stream.shard(index: shard.index) == nil, "a pending reshard adds new shard indices")
            shard.createdMilliseconds = created
            if !shard.isOpen { shard.closedMilliseconds = created }
            stream.shards.append(shard)
        }
        stream.pendingReshard = nil
    }
}
