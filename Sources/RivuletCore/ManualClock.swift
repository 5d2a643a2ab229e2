import Synchronization

/// A clock that moves only when told to: for tests of expiry, retention, status transitions, buffering deadlines
/// and timeouts. Its monotonic time is its wall time in nanoseconds, so both move together.
public final class ManualClock: WallClock, MonotonicClock {
    private let current: Mutex<Int64>

    public init(milliseconds: Int64 = 1_700_000_000_000) {
        current = Mutex(milliseconds)
    }

    public func nowMilliseconds() -> Int64 { current.withLock { $0 } }

    public func nowNanoseconds() -> Int64 { current.withLock { $0 } * 1_000_000 }

    public func advance(milliseconds: Int64) {
        current.withLock { $0 += milliseconds }
    }

    public func set(milliseconds: Int64) {
        current.withLock { $0 = milliseconds }
    }
}
