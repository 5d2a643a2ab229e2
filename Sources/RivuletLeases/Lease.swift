/// One shard's lease, with the KCL's fields: who processes the shard, how far it got, and where it sits in the
/// stream's lineage. `leaseCounter` changes on every write, so writes are conditional on the counter a worker last
/// saw, and a worker that stops renewing is noticed by the counter standing still.
public struct Lease: Sendable, Hashable {
    /// The shard id.
    public var leaseKey: String
    /// The worker holding the lease; nil when nobody does.
    public var leaseOwner: String?
    public var leaseCounter: Int64
    /// How far processing got: a sequence number, or a sentinel before the first record or after the last.
    public var checkpoint: ExtendedSequenceNumber
    /// A checkpoint the application prepared but has not committed (the KCL's two-phase checkpoint).
    public var pendingCheckpoint: ExtendedSequenceNumber?
    public var ownerSwitchesSinceCheckpoint: Int64
    public var parentShardIds: [String]
    public var childShardIds: [String]
    /// The shard's hash key range as decimal strings, kept so a worker can order work without asking the stream.
    public var startingHashKey: String?
    public var endingHashKey: String?

    public init(
        leaseKey: String, leaseOwner: String? = nil, leaseCounter: Int64 = 0,
        checkpoint: ExtendedSequenceNumber = .trimHorizon, pendingCheckpoint: ExtendedSequenceNumber? = nil,
        ownerSwitchesSinceCheckpoint: Int64 = 0, parentShardIds: [String] = [], childShardIds: [String] = [],
        startingHashKey: String? = nil, endingHashKey: String? = nil
    ) {
        self.leaseKey = leaseKey
        self.leaseOwner = leaseOwner
        self.leaseCounter = leaseCounter
        self.checkpoint = checkpoint
        self.pendingCheckpoint = pendingCheckpoint
        self.ownerSwitchesSinceCheckpoint = ownerSwitchesSinceCheckpoint
        self.parentShardIds = parentShardIds
        self.childShardIds = childShardIds
        self.startingHashKey = startingHashKey
        self.endingHashKey = endingHashKey
    }
}
