import NIOCore
import Synchronization

/// Bounds the request bodies held in memory across all connections at once. Without it the only bound is the
/// connection limit times the largest body (4,096 x 16 MiB), far past any machine's memory; eight 15 MB requests
/// already cost half a gigabyte once parsed. A request reserves its declared length (the largest body when it
/// declares none) before its body is read and keeps it until its answer is written, since the parsed request lives
/// that long. A request that does not fit waits, without reading, in arrival order; because a reservation covers
/// a whole body, the requests holding them can always finish, so waiting never deadlocks. A wait ends when its
/// connection closes (the watchdog's body limits close connections that wait too long).
final class RequestBodyBudget: Sendable {
    private struct Waiter {
        let identifier: UInt64
        let bytes: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var nextIdentifier: UInt64 = 0
    }

    let capacity: Int
    private let state: Mutex<State>

    init(capacity: Int) {
        self.capacity = capacity
        state = Mutex(State(available: capacity))
    }

    var available: Int { state.withLock { $0.available } }

    /// Reserves `bytes` (at most the whole capacity), waiting for room; returns what was reserved, for `release`.
    /// Throws when `closed` completes or the task is cancelled first.
    func reserve(_ bytes: Int, until closed: EventLoopFuture<Void>) async throws -> Int {
        let wanted = min(max(bytes, 0), capacity)
        let identifier: UInt64? = state.withLock { state in
            if state.waiters.isEmpty, state.available >= wanted {
                state.available -= wanted
                return nil
            }
            state.nextIdentifier += 1
            return state.nextIdentifier
        }
        guard let identifier else { return wanted }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let granted = state.withLock { state in
                    // Room may have been made since the first look.
                    if state.waiters.isEmpty, state.available >= wanted {
                        state.available -= wanted
                        return true
                    }
                    state.waiters.append(Waiter(identifier: identifier, bytes: wanted, continuation: continuation))
                    return false
                }
                if granted {
                    continuation.resume()
                } else {
                    closed.whenComplete { _ in self.abandon(identifier) }
                }
            }
        } onCancel: {
            abandon(identifier)
        }
        return wanted
    }

    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        let admitted = state.withLock { state -> [Waiter] in
            state.available += bytes
            return Self.admitWaiters(&state)
        }
        for waiter in admitted { waiter.continuation.resume() }
    }

    /// Gives up a wait; whoever waited behind it may fit now.
    private func abandon(_ identifier: UInt64) {
        let (abandoned, admitted) = state.withLock { state -> (Waiter?, [Waiter]) in
            guard let index = state.waiters.firstIndex(where: { $0.identifier == identifier }) else { return (nil, []) }
            let waiter = state.waiters.remove(at: index)
            return (waiter, Self.admitWaiters(&state))
        }
        abandoned?.continuation.resume(throwing: CancellationError())
        for waiter in admitted { waiter.continuation.resume() }
    }

    /// Takes waiters from the front, in order, while they fit.
    private static func admitWaiters(_ state: inout State) -> [Waiter] {
        var admitted: [Waiter] = []
        while let first = state.waiters.first, first.bytes <= state.available {
            state.available -= first.bytes
            admitted.append(state.waiters.removeFirst())
        }
        return admitted
    }
}
