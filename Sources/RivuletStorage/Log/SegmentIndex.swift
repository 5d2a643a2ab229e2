/// One sparse index entry: the frame starting at `offset` holds `position` first and arrived at `arrivalMilliseconds`.
struct IndexEntry: Equatable, Sendable {
    var position: UInt64
    var offset: Int64
    var arrivalMilliseconds: Int64
}

/// The sparse index of one segment: an entry for the first frame and then for the first frame starting at least
/// `intervalBytes` after the previous entry. Positions, offsets and arrival times all increase (arrival times never
/// decrease), so lookups are binary searches.
struct SegmentIndex: Equatable, Sendable {
    private(set) var entries: [IndexEntry]
    let intervalBytes: Int

    init(intervalBytes: Int, entries: [IndexEntry] = []) {
        self.intervalBytes = intervalBytes
        self.entries = entries
    }

    /// Records a frame written at the end of the segment if it is due an entry, or if `force` asks for one (the
    /// first good frame after damaged bytes, so that no seek has to walk through them).
    mutating func noteFrame(_ header: FrameHeader, at offset: Int64, force: Bool = false) {
        if !force, let last = entries.last, offset - last.offset < Int64(intervalBytes) { return }
        entries.append(
            IndexEntry(position: header.firstPosition, offset: offset, arrivalMilliseconds: header.arrivalMilliseconds))
    }

    /// The last entry whose frame starts at or before `position`: the place to start scanning for it.
    func entry(atOrBefore position: UInt64) -> IndexEntry? {
        lastEntry { $0.position <= position }
    }

    /// The last entry whose frame arrived before `milliseconds`: no frame before it can be the first to arrive at or
    /// after `milliseconds`.
    func entry(arrivedBefore milliseconds: Int64) -> IndexEntry? {
        lastEntry { $0.arrivalMilliseconds < milliseconds }
    }

    /// The last entry satisfying a predicate that holds for a prefix of the entries.
    private func lastEntry(where isInPrefix: (IndexEntry) -> Bool) -> IndexEntry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isInPrefix(entries[middle]) { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : entries[low - 1]
    }
}
