/// Knows when every record accepted before a `flush()` call has finished, although records finish out of order.
///
/// Records are stamped with the current epoch when accepted; a flush closes the epoch and waits until no record of
/// it or any earlier epoch is outstanding. Only epochs that a flush closed are counted apart, so the per-record
/// cost is one counter update.
struct FlushTracker: Sendable {
    private(set) var currentEpoch = 0
    private var currentOutstanding = 0
    private var closedOutstanding: [Int: Int] = [:]
    private var waiters: [(epoch: Int, continuation: CheckedContinuation<Void, Never>)] = []

    var hasWaiters: Bool { !waiters.isEmpty }

    /// A record was accepted: the epoch to stamp it with.
    mutating func accepted() -> Int {
        currentOutstanding += 1
        return currentEpoch
    }

    /// A record of `epoch` finished; flushes it completes are appended to `resumed`.
    mutating func finished(epoch: Int, resumed: inout [CheckedContinuation<Void, Never>]) {
        if epoch == currentEpoch {
            currentOutstanding -= 1
            return
        }
        guard let remaining = closedOutstanding[epoch] else { preconditionFailure("a record of an unknown epoch") }
        if remaining > 1 {
            closedOutstanding[epoch] = remaining - 1
            return
        }
        closedOutstanding[epoch] = nil
        let oldestOpen = closedOutstanding.keys.min() ?? currentEpoch
        waiters.removeAll { waiter in
            guard waiter.epoch < oldestOpen else { return false }
            resumed.append(waiter.continuation)
            return true
        }
    }

    /// Waits for every record accepted so far; returns false when there is none, and the caller resumes at once.
    mutating func addWaiter(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        if currentOutstanding > 0 {
            closedOutstanding[currentEpoch] = currentOutstanding
            currentOutstanding = 0
            currentEpoch += 1
        }
        guard !closedOutstanding.isEmpty else { return false }
        waiters.append((currentEpoch - 1, continuation))
        return true
    }

    /// Every waiter, for a producer that stops.
    mutating func removeAllWaiters() -> [CheckedContinuation<Void, Never>] {
        defer { waiters = [] }
        return waiters.map(\.continuation)
    }
}
