#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock time in epoch milliseconds, behind a protocol so tests can drive time by hand.
public protocol WallClock: Sendable {
    func nowMilliseconds() -> Int64
}

public struct SystemClock: WallClock {
    public init() {}

    public func nowMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
