/// Time that never jumps, in nanoseconds from an arbitrary start, behind a protocol so tests can drive time by hand
/// (`ManualClock`). For deadlines, ages and rates within one process: buffering times, time to live, token refills.
public protocol MonotonicClock: Sendable {
    func nowNanoseconds() -> Int64
}
