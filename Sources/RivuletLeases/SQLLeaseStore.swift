/// What the SQL lease stores share: every lease operation as statements of `LeaseTableStatements`, with the same
/// bounds, checks and decoding; a store supplies only its driver (`rows`), `prepare` and `close`. Conditional
/// writes are single statements, so the database's own locking decides races between workers.
protocol SQLLeaseStore: LeaseStore {
    var application: ApplicationName { get }
    var statements: LeaseTableStatements { get }

    /// Runs `statement` and returns its rows, each cell as a driver-independent value; failures are
    /// `LeaseStoreError`s naming `operation`.
    func rows(_ statement: LeaseStatement, operation: String) async throws -> [[LeaseSQLValue]]
}

extension SQLLeaseStore {
    public func listLeases() async throws -> [Lease] {
        let rows = try await rows(statements.listLeases(), operation: "listLeases")
        guard rows.count <= LeaseStoreLimits.leasesPerApplicationMax else {
            throw LeaseStoreError(
                operation: "listLeases",
                reason: "more than \(LeaseStoreLimits.leasesPerApplicationMax) leases for \(application)")
        }
        return try rows.map { try LeaseRowDecoder.lease(from: $0, operation: "listLeases") }
    }

    public func lease(forKey leaseKey: String) async throws -> Lease? {
        let rows = try await rows(statements.lease(forKey: leaseKey), operation: "lease")
        return try rows.first.map { try LeaseRowDecoder.lease(from: $0, operation: "lease") }
    }

    public func createLeaseIfNotExists(_ lease: Lease) async throws -> Bool {
        let operation = "createLeaseIfNotExists"
        try LeaseValidator.validate(lease, operation: operation)
        // The count and the insert are two statements, so racing creators may pass the bound by a few leases; it
        // guards against runaway growth, not an exact number.
        let counted = try await rows(statements.countLeases(), operation: operation)
        guard case .integer(let count) = counted.first?.first else {
            throw LeaseStoreError(operation: operation, reason: "counting the leases returned no number")
        }
        guard count < LeaseStoreLimits.leasesPerApplicationMax else {
            throw LeaseStoreError(
                operation: operation,
                reason: "\(application) already has \(LeaseStoreLimits.leasesPerApplicationMax) leases")
        }
        return try await !rows(statements.insertIfNotExists(lease), operation: operation).isEmpty
    }

    public func renewLease(_ lease: Lease) async throws -> Lease? {
        try await write(.renew, expected: lease)
    }

    public func takeLease(_ lease: Lease, owner: String) async throws -> Lease? {
        try await write(.take(owner: owner), expected: lease)
    }

    public func evictLease(_ lease: Lease) async throws -> Lease? {
        try await write(.evict, expected: lease)
    }

    public func updateCheckpoint(_ lease: Lease, checkpoint: ExtendedSequenceNumber) async throws -> Lease? {
        try await write(.checkpoint(checkpoint), expected: lease)
    }

    public func updatePendingCheckpoint(
        _ lease: Lease, pendingCheckpoint: ExtendedSequenceNumber?
    ) async throws -> Lease? {
        try await write(.pendingCheckpoint(pendingCheckpoint), expected: lease)
    }

    public func updateChildShardIds(_ lease: Lease, childShardIds: [String]) async throws -> Lease? {
        try await write(.childShardIds(childShardIds), expected: lease)
    }

    public func deleteLease(_ lease: Lease) async throws -> Bool {
        try await !rows(statements.delete(lease), operation: "deleteLease").isEmpty
    }

    /// One conditional UPDATE returning the row as written; no row means another writer changed the lease first.
    private func write(_ write: LeaseWrite, expected: Lease) async throws -> Lease? {
        try write.validate()
        let rows = try await rows(statements.update(write, expected: expected), operation: write.operation)
        return try rows.first.map { try LeaseRowDecoder.lease(from: $0, operation: write.operation) }
    }
}
