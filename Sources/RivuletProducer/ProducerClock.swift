#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monotonic time in nanoseconds: buffering deadlines, time to live and token refills must not jump with the
/// wall clock.
enum ProducerClock {
    static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    static let nanosecondsPerMillisecond: Int64 = 1_000_000
}
