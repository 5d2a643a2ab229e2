import Synchronization

/// Set once when long-running work is asked to stop: a worker's shard consumers after their current batch, the
/// agent's tailers at their next turn, a subscription at graceful shutdown, a benchmark's sampler. Loops check it
/// where they can stop cleanly, without cancelling the calls a graceful stop still makes (a last checkpoint, a
/// lease release). Pauses check it often, so a stop is noticed within a fraction of a second.
public final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public var isStopped: Bool { stopped.load(ordering: .acquiring) }

    public func stop() {
        stopped.store(true, ordering: .releasing)
    }

    /// Sleeps up to `milliseconds`, returning early once `stop()` is called or `alsoStopWhen` turns true.
    public func pause(milliseconds: Int64, alsoStopWhen condition: () -> Bool = { false }) async {
        let slice: Int64 = 50
        var remaining = milliseconds
        while remaining > 0, !isStopped, !condition(), !Task.isCancelled {
            let step = min(slice, remaining)
            try? await Task.sleep(for: .milliseconds(step))
            remaining -= step
        }
    }
}
