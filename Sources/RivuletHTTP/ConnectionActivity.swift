import NIOCore
import Synchronization

/// What one connection is doing, kept with atomics because two sides report it: the connection's event loop
/// (bytes arriving, writability) and the tasks serving its requests (a request started, read, answered). The
/// watchdog asks `overdue(at:timeouts:crowded:)` and closes the connection when a limit is passed. Times are
/// NIODeadline uptime nanoseconds; 0 means "not set".
final class ConnectionActivity: Sendable {
    /// Why a connection was closed by the server.
    enum Overdue: String, Sendable {
        case idle = "idle"
        case requestHead = "request head too slow"
        case requestBodyStalled = "request body stalled"
        case requestBodyTooSlow = "request body too slow"
        case writeStalled = "peer stopped reading"
    }

    private let requestsInFlight = Atomic<Int>(0)
    private let requestsBeingRead = Atomic<Int>(0)
    private let idleSince: Atomic<Int64>
    private let firstByteWhileIdle = Atomic<Int64>(0)
    private let lastRead: Atomic<Int64>
    private let bytesRead = Atomic<Int64>(0)
    private let readingSince = Atomic<Int64>(0)
    private let bytesReadWhenReadingBegan = Atomic<Int64>(0)
    private let unwritableSince = Atomic<Int64>(0)

    init(now: Int64 = ConnectionActivity.now()) {
        idleSince = Atomic(now)
        lastRead = Atomic(now)
    }

    static func now() -> Int64 {
        Int64(truncatingIfNeeded: NIODeadline.now().uptimeNanoseconds)
    }

    // MARK: Reported by the event loop

    func bytesArrived(_ count: Int, at now: Int64 = ConnectionActivity.now()) {
        lastRead.store(now, ordering: .relaxed)
        bytesRead.wrappingAdd(Int64(count), ordering: .relaxed)
        if requestsInFlight.load(ordering: .relaxed) == 0 {
            _ = firstByteWhileIdle.compareExchange(expected: 0, desired: now, ordering: .relaxed)
        }
    }

    func writabilityChanged(isWritable: Bool, at now: Int64 = ConnectionActivity.now()) {
        unwritableSince.store(isWritable ? 0 : now, ordering: .relaxed)
    }

    // MARK: Reported by the request tasks

    /// A request head arrived: the request is in flight and its body is being read.
    func requestStarted(at now: Int64 = ConnectionActivity.now()) {
        if requestsInFlight.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue == 0 {
            firstByteWhileIdle.store(0, ordering: .relaxed)
        }
        if requestsBeingRead.wrappingAdd(1, ordering: .relaxed).oldValue == 0 {
            readingSince.store(now, ordering: .relaxed)
            bytesReadWhenReadingBegan.store(bytesRead.load(ordering: .relaxed), ordering: .relaxed)
        }
    }

    /// A request's body was read whole, or its reading was given up.
    func requestRead() {
        requestsBeingRead.wrappingSubtract(1, ordering: .relaxed)
    }

    /// A request's answer was written (or abandoned); the connection is idle from now if it was the last.
    func requestAnswered(at now: Int64 = ConnectionActivity.now()) {
        if requestsInFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 {
            idleSince.store(now, ordering: .relaxed)
            firstByteWhileIdle.store(0, ordering: .relaxed)
        }
    }

    // MARK: Asked by the watchdog and the registry

    var isIdle: Bool { requestsInFlight.load(ordering: .sequentiallyConsistent) == 0 }

    /// How long the connection has been idle, or nil while it serves a request.
    func idleNanoseconds(at now: Int64) -> Int64? {
        isIdle ? now - idleSince.load(ordering: .relaxed) : nil
    }

    /// The limit this connection has passed, if any.
    func overdue(at now: Int64, timeouts: HTTPTimeouts, crowded: Bool) -> Overdue? {
        let unwritable = unwritableSince.load(ordering: .relaxed)
        if unwritable != 0 {
            // Answers still going out keep even an idle connection open, until the peer has stalled too long.
            return now - unwritable > timeouts.writeStall.nanoseconds ? .writeStalled : nil
        }
        if requestsBeingRead.load(ordering: .relaxed) > 0 {
            if now - lastRead.load(ordering: .relaxed) > timeouts.requestBodyIdle.nanoseconds {
                return .requestBodyStalled
            }
            let elapsed = now - readingSince.load(ordering: .relaxed)
            guard elapsed > timeouts.requestBodyGrace.nanoseconds else { return nil }
            let arrived = bytesRead.load(ordering: .relaxed) - bytesReadWhenReadingBegan.load(ordering: .relaxed)
            let required = Double(timeouts.requestBodyBytesPerSecondMin) * Double(elapsed) / 1e9
            return Double(arrived) < required ? .requestBodyTooSlow : nil
        }
        if !isIdle { return nil }
        let firstByte = firstByteWhileIdle.load(ordering: .relaxed)
        if firstByte != 0, now - firstByte > timeouts.requestHead.nanoseconds {
            return .requestHead
        }
        let idleLimit = crowded ? timeouts.crowdedIdle : timeouts.idle
        return now - idleSince.load(ordering: .relaxed) > idleLimit.nanoseconds ? .idle : nil
    }
}
