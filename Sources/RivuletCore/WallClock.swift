/// Wall-clock time in epoch milliseconds, behind a protocol so tests can drive time by hand (`ManualClock`). For
/// what must be compared with other machines or files: arrival times, signatures, checkpoint timestamps.
public protocol WallClock: Sendable {
    func nowMilliseconds() -> Int64
}
