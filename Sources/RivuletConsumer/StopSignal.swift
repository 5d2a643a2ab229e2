import Synchronization

/// Tells a worker's shard consumers to stop after their current batch. Pauses check it often, so a stop is
/// noticed within a fraction of a second without cancelling the lease store calls a graceful stop still makes.
final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)

    var isStopped: Bool { stopped.load(ordering: .acquiring) }

    func stop() {
        stopped.store(true, ordering: .releasing)
    }

    /// Sleeps up to `milliseconds`, returning early once `stop()` is called or `alsoStopWhen` turns true.
    func pause(milliseconds: Int64, alsoStopWhen condition: () -> Bool = { false }) async {
        let slice: Int64 = 50
        var remaining = milliseconds
        while remaining > 0, !isStopped, !condition(), !Task.isCancelled {
            let step = min(slice, remaining)
            try? await Task.sleep(for: .milliseconds(step))
            remaining -= step
        }
    }
}
