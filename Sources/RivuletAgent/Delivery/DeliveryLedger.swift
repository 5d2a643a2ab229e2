import Synchronization

/// The acknowledgement windows of every file of one flow, behind one lock: the flow's reader appends records, and
/// the producer's completions, arriving from its own tasks in any order, acknowledge them.
final class DeliveryLedger: Sendable {
    private let windows = Mutex<[Int: AcknowledgementWindow]>([:])

    /// Starts the window of a file (a `TailedFile`'s key) at the offset reading starts from.
    func open(_ fileKey: Int, startOffsetBytes: Int64) {
        windows.withLock { $0[fileKey] = AcknowledgementWindow(startOffsetBytes: startOffsetBytes) }
    }

    func close(_ fileKey: Int) {
        _ = windows.withLock { $0.removeValue(forKey: fileKey) }
    }

    func append(_ fileKey: Int, endOffsetBytes: Int64, done: Bool) -> Int {
        windows.withLock { windows in
            guard var window = windows[fileKey] else { preconditionFailure("no window for file \(fileKey)") }
            // Taken out and put back so the array inside is uniquely referenced and not copied per record.
            windows[fileKey] = nil
            let sequence = window.append(endOffsetBytes: endOffsetBytes, done: done)
            windows[fileKey] = window
            return sequence
        }
    }

    func acknowledge(_ fileKey: Int, sequence: Int) {
        windows.withLock { windows in
            guard var window = windows[fileKey] else { return }
            windows[fileKey] = nil
            window.acknowledge(sequence)
            windows[fileKey] = window
        }
    }

    /// The file's acknowledged offset and how many of its records are still pending.
    func progress(_ fileKey: Int) -> (acknowledgedOffsetBytes: Int64, pendingCount: Int)? {
        windows.withLock { windows in
            windows[fileKey].map { ($0.acknowledgedOffsetBytes, $0.pendingCount) }
        }
    }

    var pendingCount: Int {
        windows.withLock { $0.values.reduce(0) { $0 + $1.pendingCount } }
    }
}
