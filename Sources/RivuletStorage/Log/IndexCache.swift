import Synchronization

/// The sparse indexes of closed segments most recently used by readers, bounded by segment count so that memory does
/// not grow with stored data. Shared by every shard of a store.
final class IndexCache: Sendable {
    private struct Slot {
        var index: SegmentIndex
        var lastUse: UInt64
    }

    private struct State {
        var slots: [String: Slot] = [:]
        var useCounter: UInt64 = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        precondition(capacity > 0, "the index cache holds at least one index")
        self.capacity = capacity
    }

    /// The index of the segment at `path`, loaded with `load` on a miss. Loading happens outside the lock, so two
    /// readers missing at once may both load; the second result simply replaces the first.
    func index(forSegmentAt path: String, load: () throws -> SegmentIndex) rethrows -> SegmentIndex {
        let cached: SegmentIndex? = state.withLock { state in
            guard var slot = state.slots[path] else { return nil }
            state.useCounter += 1
            slot.lastUse = state.useCounter
            state.slots[path] = slot
            return slot.index
        }
        if let cached { return cached }
        let loaded = try load()
        insert(loaded, forSegmentAt: path)
        return loaded
    }

    func insert(_ index: SegmentIndex, forSegmentAt path: String) {
        state.withLock { state in
            state.useCounter += 1
            state.slots[path] = Slot(index: index, lastUse: state.useCounter)
            if state.slots.count > capacity,
                let oldest = state.slots.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.slots[oldest] = nil
            }
        }
    }

    func remove(segmentAt path: String) {
        _ = state.withLock { $0.slots.removeValue(forKey: path) }
    }
}
