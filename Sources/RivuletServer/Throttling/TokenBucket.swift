/// A rate limit as a bucket of tokens refilled continuously at `ratePerSecond` up to `capacity`. A take may leave the
/// bucket in debt (a GetRecords answer of 10 MiB against 2 MiB/s): later takes wait until the debt is repaid, which
/// is how AWS lets one large read through and throttles the reads after it.
struct TokenBucket: Sendable {
    let ratePerSecond: Double
    let capacity: Double
    private(set) var tokens: Double
    private var refilledMilliseconds: Int64

    init(ratePerSecond: Double, capacity: Double, nowMilliseconds: Int64) {
        self.ratePerSecond = ratePerSecond
        self.capacity = capacity
        self.tokens = capacity
        self.refilledMilliseconds = nowMilliseconds
    }

    mutating func refill(nowMilliseconds: Int64) {
        let elapsed = Double(max(0, nowMilliseconds - refilledMilliseconds)) / 1000
        tokens = min(capacity, tokens + elapsed * ratePerSecond)
        refilledMilliseconds = max(refilledMilliseconds, nowMilliseconds)
    }

    /// Takes `amount` if the bucket holds that much.
    mutating func take(_ amount: Double, nowMilliseconds: Int64) -> Bool {
        refill(nowMilliseconds: nowMilliseconds)
        guard tokens >= amount else { return false }
        tokens -= amount
        return true
    }

    /// Whether anything is left, without taking.
    mutating func hasTokens(nowMilliseconds: Int64) -> Bool {
        refill(nowMilliseconds: nowMilliseconds)
        return tokens > 0
    }

    /// Takes `amount` unconditionally, possibly going into debt.
    mutating func charge(_ amount: Double, nowMilliseconds: Int64) {
        refill(nowMilliseconds: nowMilliseconds)
        tokens -= amount
    }
}
