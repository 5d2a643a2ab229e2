/// Where a consumer application keeps its leases: one set of leases per application, shared by all of its workers
/// (the SQL stores keep every application's leases in one table, apart by an application column).
///
/// Every write but `createLeaseIfNotExists` is conditional on the lease's counter (and owner, where stated) still
/// being what the caller last read, and returns the lease as written, or nil when the condition failed because
/// another worker wrote first. Successful writes increment `leaseCounter` by one unless stated otherwise.
/// Errors are thrown only for failures of the store itself (unreachable, corrupt), as `LeaseStoreError`.
public protocol LeaseStore: Sendable {
    /// Creates the application's table if missing. Safe to call from many workers at once.
    func prepare() async throws

    func listLeases() async throws -> [Lease]
    func lease(forKey leaseKey: String) async throws -> Lease?

    /// Inserts `lease` as given (counter included) unless a lease with its key exists. True when inserted.
    func createLeaseIfNotExists(_ lease: Lease) async throws -> Bool

    /// Renews a held lease: increments the counter if counter and owner are unchanged.
    func renewLease(_ lease: Lease) async throws -> Lease?

    /// Takes a lease for `owner` (free, expired, or stolen): sets the owner and increments the counter if the counter
    /// is unchanged; `ownerSwitchesSinceCheckpoint` grows by one when the owner changes from one worker to another
    /// (as in the KCL, taking a lease nobody holds, or one's own, is not a switch).
    func takeLease(_ lease: Lease, owner: String) async throws -> Lease?

    /// Gives a held lease up: clears the owner if counter and owner are unchanged.
    func evictLease(_ lease: Lease) async throws -> Lease?

    /// Records a checkpoint on a held lease if counter and owner are unchanged; clears the pending checkpoint
    /// and resets `ownerSwitchesSinceCheckpoint` to 0.
    func updateCheckpoint(_ lease: Lease, checkpoint: ExtendedSequenceNumber) async throws -> Lease?

    /// Records a prepared checkpoint on a held lease if counter and owner are unchanged.
    func updatePendingCheckpoint(_ lease: Lease, pendingCheckpoint: ExtendedSequenceNumber?) async throws -> Lease?

    /// Records a shard's children (learnt at its end) if the counter is unchanged.
    func updateChildShardIds(_ lease: Lease, childShardIds: [String]) async throws -> Lease?

    /// Deletes a lease if its counter is unchanged (used once a finished parent's children have all started).
    func deleteLease(_ lease: Lease) async throws -> Bool

    /// Releases the store's connections; later calls throw `LeaseStoreError`. Stores without resources (the
    /// in-memory one) need not implement it.
    func close() async throws
}

extension LeaseStore {
    public func close() async throws {}
}
