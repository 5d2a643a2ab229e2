import NIOCore
import NIOPosix
import RivuletCore
import Synchronization

/// Wakes the readers waiting for a stream to change: records appended, or shards closed by a reshard. Each stream
/// has a version that every change bumps; a reader remembers the version it last saw and waits for another. This
/// is what lets SubscribeToShard push a record as soon as it is acknowledged instead of polling for it.
final class AppendSignal: Sendable {
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        var timeout: Scheduled<Void>?
    }

    private struct State {
        var versions: [StreamKey: UInt64] = [:]
        var waiters: [StreamKey: [UInt64: Waiter]] = [:]
        var nextWaiterId: UInt64 = 0
    }

    private let state = Mutex(State())
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()) {
        self.eventLoop = eventLoop
    }

    /// The stream's current version, to wait on later.
    func version(of key: StreamKey) -> UInt64 {
        state.withLock { $0.versions[key, default: 0] }
    }

    /// Marks the stream changed and wakes everyone waiting on it.
    func signal(_ key: StreamKey) {
        let woken = state.withLock { state -> [Waiter] in
            state.versions[key, default: 0] &+= 1
            return state.waiters.removeValue(forKey: key).map { Array($0.values) } ?? []
        }
        for waiter in woken {
            waiter.timeout?.cancel()
            waiter.continuation.resume()
        }
    }

    /// Returns once the stream's version differs from `seen`, the timeout passes, or the task is cancelled.
    func wait(for key: StreamKey, changedFrom seen: UInt64, timeout: Duration) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterId &+= 1
            return state.nextWaiterId
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let registered = state.withLock { state -> Bool in
                    guard state.versions[key, default: 0] == seen, !Task.isCancelled else { return false }
                    state.waiters[key, default: [:]][id] = Waiter(continuation: continuation, timeout: nil)
                    return true
                }
                guard registered else {
                    continuation.resume()
                    return
                }
                let timeout = eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.nanoseconds))) { [self] in
                    wake(id, of: key)
                }
                let stillWaiting = state.withLock { state -> Bool in
                    guard state.waiters[key]?[id] != nil else { return false }
                    state.waiters[key]?[id]?.timeout = timeout
                    return true
                }
                if !stillWaiting { timeout.cancel() }
            }
        } onCancel: {
            wake(id, of: key)
        }
    }

    private func wake(_ id: UInt64, of key: StreamKey) {
        let waiter = state.withLock { state -> Waiter? in
            guard let waiter = state.waiters[key]?.removeValue(forKey: id) else { return nil }
            if state.waiters[key]?.isEmpty == true { state.waiters[key] = nil }
            return waiter
        }
        waiter?.timeout?.cancel()
        waiter?.continuation.resume()
    }
}

extension Duration {
    /// The whole duration in nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
