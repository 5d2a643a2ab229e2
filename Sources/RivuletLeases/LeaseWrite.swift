/// One conditional write of the `LeaseStore` protocol, described as data so its rules live in one place: the
/// in-memory store applies them directly, and the SQL stores translate each case into one atomic UPDATE.
enum LeaseWrite: Sendable {
    case renew
    case take(owner: String)
    case evict
    case checkpoint(ExtendedSequenceNumber)
    case pendingCheckpoint(ExtendedSequenceNumber?)
    case childShardIds([String])

    /// The operation's name in errors and logs.
    var operation: String {
        switch self {
        case .renew: "renewLease"
        case .take: "takeLease"
        case .evict: "evictLease"
        case .checkpoint: "updateCheckpoint"
        case .pendingCheckpoint: "updatePendingCheckpoint"
        case .childShardIds: "updateChildShardIds"
        }
    }

    /// Whether the write also requires the owner the caller saw; every write requires its counter.
    var requiresUnchangedOwner: Bool {
        switch self {
        case .renew, .evict, .checkpoint, .pendingCheckpoint: true
        case .take, .childShardIds: false
        }
    }

    /// Whether `stored` is still the lease the caller read as `expected`.
    func conditionHolds(stored: Lease, expected: Lease) -> Bool {
        guard stored.leaseCounter == expected.leaseCounter else { return false }
        return !requiresUnchangedOwner || stored.leaseOwner == expected.leaseOwner
    }

    /// The lease as written: the change itself and the counter's increment.
    func applied(to stored: Lease) -> Lease {
        var lease = stored
        lease.leaseCounter += 1
        switch self {
        case .renew:
            break
        case .take(let owner):
            if Self.isOwnerSwitch(from: stored.leaseOwner, to: owner) { lease.ownerSwitchesSinceCheckpoint += 1 }
            lease.leaseOwner = owner
        case .evict:
            lease.leaseOwner = nil
        case .checkpoint(let checkpoint):
            lease.checkpoint = checkpoint
            lease.pendingCheckpoint = nil
            lease.ownerSwitchesSinceCheckpoint = 0
        case .pendingCheckpoint(let pending):
            lease.pendingCheckpoint = pending
        case .childShardIds(let children):
            lease.childShardIds = children
        }
        return lease
    }

    /// As in the KCL, a switch is a lease passing from one worker to another; taking a free lease (new, or given up
    /// cleanly) or re-taking one's own is not, since no work was interrupted.
    static func isOwnerSwitch(from previous: String?, to next: String) -> Bool {
        guard let previous else { return false }
        return previous != next
    }

    /// Checks the write's own arguments before anything is sent to a store.
    func validate() throws(LeaseStoreError) {
        switch self {
        case .renew, .evict:
            break
        case .take(let owner):
            try LeaseValidator.validateOwner(owner, operation: operation)
        case .checkpoint(let checkpoint):
            try LeaseValidator.validate(checkpoint, operation: operation)
        case .pendingCheckpoint(let pending):
            if let pending { try LeaseValidator.validate(pending, operation: operation) }
        case .childShardIds(let children):
            try LeaseValidator.validateShardIds(children, operation: operation)
        }
    }
}
