/// A token bucket: `ratePerSecond` tokens accrue continuously up to one second's worth; a send takes its cost.
/// The producer keeps two per shard (records and bytes), as the KPL does, so it stays under a shard's limits
/// instead of learning them from throttling errors.
struct TokenBucket: Sendable {
    private let ratePerSecond: Double
    private let capacity: Double
    private var tokens: Double
    private var refilledNanoseconds: Int64

    init(ratePerSecond: Double, nowNanoseconds: Int64) {
        precondition(ratePerSecond > 0)
        self.ratePerSecond = ratePerSecond
        self.capacity = ratePerSecond
        self.tokens = ratePerSecond
        self.refilledNanoseconds = nowNanoseconds
    }

    mutating func refill(nowNanoseconds: Int64) {
        guard nowNanoseconds > refilledNanoseconds else { return }
        let elapsedSeconds = Double(nowNanoseconds - refilledNanoseconds) / 1e9
        tokens = min(capacity, tokens + elapsedSeconds * ratePerSecond)
        refilledNanoseconds = nowNanoseconds
    }

    /// Whether `cost` can be taken now. A cost above the capacity is allowed once the bucket is full, or it could
    /// never go.
    func allows(_ cost: Double) -> Bool {
        tokens >= min(cost, capacity)
    }

    mutating func take(_ cost: Double) {
        tokens -= cost
    }
}
