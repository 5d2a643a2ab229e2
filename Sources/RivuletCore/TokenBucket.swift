/// A rate limit as a bucket of tokens refilled continuously at `ratePerSecond` up to `capacity`. The server keeps
/// buckets per shard and per account to apply AWS's limits; the producer keeps two per shard (records and bytes), as
/// the KPL does, to stay under a shard's limits instead of learning them from throttling errors.
///
/// A charge may leave the bucket in debt (a GetRecords answer of 10 MiB against 2 MiB/s): later takes wait until the
/// debt is repaid, which is how AWS lets one large read through and throttles the reads after it. Time is a
/// monotonic count of nanoseconds; it never runs backwards here even if the caller's does.
public struct TokenBucket: Sendable {
    public let ratePerSecond: Double
    public let capacity: Double
    public private(set) var tokens: Double
    private var refilledNanoseconds: Int64

    /// A full bucket. The capacity defaults to one second's worth.
    public init(ratePerSecond: Double, capacity: Double? = nil, nowNanoseconds: Int64) {
        precondition(ratePerSecond > 0, "a token bucket needs a positive rate")
        self.ratePerSecond = ratePerSecond
        self.capacity = capacity ?? ratePerSecond
        self.tokens = self.capacity
        self.refilledNanoseconds = nowNanoseconds
    }

    public mutating func refill(nowNanoseconds: Int64) {
        guard nowNanoseconds > refilledNanoseconds else { return }
        let elapsedSeconds = Double(nowNanoseconds - refilledNanoseconds) / 1e9
        tokens = min(capacity, tokens + elapsedSeconds * ratePerSecond)
        refilledNanoseconds = nowNanoseconds
    }

    /// Whether `cost` can be taken now. A cost above the capacity is allowed once the bucket is full, or it could
    /// never go.
    public func allows(_ cost: Double) -> Bool {
        tokens >= min(cost, capacity)
    }

    /// Takes `cost` unconditionally, possibly going into debt; the caller asked `allows` first, or means the debt.
    public mutating func take(_ cost: Double) {
        tokens -= cost
    }

    /// Refills, then takes `cost` if the bucket allows it.
    public mutating func take(_ cost: Double, nowNanoseconds: Int64) -> Bool {
        refill(nowNanoseconds: nowNanoseconds)
        guard allows(cost) else { return false }
        tokens -= cost
        return true
    }

    /// Refills, then takes `cost` whatever is left: the debt of a read whose size was known only once it was done.
    public mutating func charge(_ cost: Double, nowNanoseconds: Int64) {
        refill(nowNanoseconds: nowNanoseconds)
        tokens -= cost
    }

    /// Whether anything is left (no debt outstanding), without taking.
    public mutating func hasTokens(nowNanoseconds: Int64) -> Bool {
        refill(nowNanoseconds: nowNanoseconds)
        return tokens > 0
    }
}
