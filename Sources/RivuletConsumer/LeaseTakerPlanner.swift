import RivuletLeases

/// Decides which leases a worker takes in one scan of the lease table: expired leases first, then one stolen from
/// the most loaded worker, until the worker holds its share (leases divided by live workers, rounded up).
///
/// Expiry is judged on this worker's own clock: a lease is expired when its counter has not changed for the lease
/// duration since this worker first saw that counter, so clocks on different hosts need not agree.
struct LeaseTakerPlanner {
    struct Observation {
        var counter: Int64
        var sinceMilliseconds: Int64
    }

    let workerIdentifier: String
    let leaseDurationMilliseconds: Int64
    let leasesPerWorkerMax: Int
    private(set) var observations: [String: Observation] = [:]

    init(workerIdentifier: String, leaseDurationMilliseconds: Int64, leasesPerWorkerMax: Int) {
        self.workerIdentifier = workerIdentifier
        self.leaseDurationMilliseconds = leaseDurationMilliseconds
        self.leasesPerWorkerMax = leasesPerWorkerMax
    }

    /// Records the counters of a fresh listing.
    mutating func observe(_ leases: [Lease], nowMilliseconds: Int64) {
        var next: [String: Observation] = [:]
        for lease in leases {
            if let seen = observations[lease.leaseKey], seen.counter == lease.leaseCounter {
                next[lease.leaseKey] = seen
            } else {
                next[lease.leaseKey] = Observation(counter: lease.leaseCounter, sinceMilliseconds: nowMilliseconds)
            }
        }
        observations = next
    }

    func isExpired(_ lease: Lease, nowMilliseconds: Int64) -> Bool {
        guard lease.leaseOwner != nil else { return true }
        guard let seen = observations[lease.leaseKey], seen.counter == lease.leaseCounter else { return false }
        return nowMilliseconds - seen.sinceMilliseconds >= leaseDurationMilliseconds
    }

    /// The leases to take now. `held` are the keys this worker holds and keeps renewing.
    func leasesToTake(
        from leases: [Lease], held: Set<String>, nowMilliseconds: Int64,
        using generator: inout some RandomNumberGenerator
    ) -> [Lease] {
        let active = leases.filter { $0.checkpoint != .shardEnd }
        guard !active.isEmpty else { return [] }
        var available: [Lease] = []
        var liveCounts: [String: [Lease]] = [:]
        for lease in active where !held.contains(lease.leaseKey) {
            // A lease in this worker's name that it does not hold is left from an earlier run of the same worker.
            if lease.leaseOwner == workerIdentifier || isExpired(lease, nowMilliseconds: nowMilliseconds) {
                available.append(lease)
            } else if let owner = lease.leaseOwner {
                liveCounts[owner, default: []].append(lease)
            }
        }
        let workerCount = liveCounts.count + 1
        let target = min((active.count + workerCount - 1) / workerCount, leasesPerWorkerMax)
        let needed = target - held.count
        guard needed > 0 else { return [] }
        if !available.isEmpty {
            available.shuffle(using: &generator)
            return Array(available.prefix(needed))
        }
        // Nothing free: steal one lease from the most loaded worker, but only where that moves toward balance,
        // so two workers do not trade a lease back and forth.
        guard let (_, victimLeases) = liveCounts.max(by: { $0.value.count < $1.value.count }) else { return [] }
        guard victimLeases.count > target || (victimLeases.count == target && needed > 1) else { return [] }
        return [victimLeases.randomElement(using: &generator)!]
    }
}
