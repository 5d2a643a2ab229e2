import Synchronization

/// The reference implementation of `LeaseStore`: one application's leases in a dictionary behind a lock. Workers
/// sharing one instance in a process behave as workers sharing a database table, which is what tests of the
/// consumer need; the SQL stores are held to the same behaviour by one conformance suite.
public final class InMemoryLeaseStore: LeaseStore {
    private let leases: Mutex<[String: Lease]>

    public init(leases initialLeases: [Lease] = []) {
        var byKey: [String: Lease] = [:]
        for lease in initialLeases {
            precondition(byKey[lease.leaseKey] == nil, "duplicate lease key \(lease.leaseKey)")
            byKey[lease.leaseKey] = lease
        }
        leases = Mutex(byKey)
    }

    public func prepare() async throws {}

    public func listLeases() async throws -> [Lease] {
        leases.withLock { Array($0.values) }.sorted { $0.leaseKey < $1.leaseKey }
    }

    public func lease(forKey leaseKey: String) async throws -> Lease? {
        leases.withLock { $0[leaseKey] }
    }

    public func createLeaseIfNotExists(_ lease: Lease) async throws -> Bool {
        let operation = "createLeaseIfNotExists"
        try LeaseValidator.validate(lease, operation: operation)
        return try leases.withLock { (byKey: inout [String: Lease]) throws(LeaseStoreError) -> Bool in
            guard byKey[lease.leaseKey] == nil else { return false }
            guard byKey.count < LeaseStoreLimits.leasesPerApplicationMax else {
                throw LeaseStoreError(
                    operation: operation,
                    reason: "the application already has \(LeaseStoreLimits.leasesPerApplicationMax) leases")
            }
            byKey[lease.leaseKey] = lease
            return true
        }
    }

    public func renewLease(_ lease: Lease) async throws -> Lease? {
        try write(.renew, expected: lease)
    }

    public func takeLease(_ lease: Lease, owner: String) async throws -> Lease? {
        try write(.take(owner: owner), expected: lease)
    }

    public func evictLease(_ lease: Lease) async throws -> Lease? {
        try write(.evict, expected: lease)
    }

    public func updateCheckpoint(_ lease: Lease, checkpoint: ExtendedSequenceNumber) async throws -> Lease? {
        try write(.checkpoint(checkpoint), expected: lease)
    }

    public func updatePendingCheckpoint(
        _ lease: Lease, pendingCheckpoint: ExtendedSequenceNumber?
    ) async throws -> Lease? {
        try write(.pendingCheckpoint(pendingCheckpoint), expected: lease)
    }

    public func updateChildShardIds(_ lease: Lease, childShardIds: [String]) async throws -> Lease? {
        try write(.childShardIds(childShardIds), expected: lease)
    }

    public func deleteLease(_ lease: Lease) async throws -> Bool {
        leases.withLock { byKey in
            guard let stored = byKey[lease.leaseKey], stored.leaseCounter == lease.leaseCounter else { return false }
            byKey[lease.leaseKey] = nil
            return true
        }
    }

    private func write(_ write: LeaseWrite, expected: Lease) throws(LeaseStoreError) -> Lease? {
        try write.validate()
        return leases.withLock { byKey in
            guard let stored = byKey[expected.leaseKey], write.conditionHolds(stored: stored, expected: expected)
            else { return nil }
            let written = write.applied(to: stored)
            byKey[expected.leaseKey] = written
            return written
        }
    }
}
