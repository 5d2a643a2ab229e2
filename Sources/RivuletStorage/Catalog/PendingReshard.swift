/// A reshard accepted while the stream was ACTIVE and applied when its UPDATING status ends, as AWS does: until then
/// the stream keeps its old shards and routes records to them. Stored in the catalog with the stream, so a restart
/// in between neither loses nor half-applies it.
public struct PendingReshard: Sendable, Codable, Equatable {
    /// Open shards that close when the reshard is applied.
    public var closingShardIndices: [Int]
    /// Shards the reshard adds, in index order. Their creation times are set when it is applied. A shard that is
    /// already closed here (`closedAtPosition` 0) is a short-lived step of a larger reshape, such as a split half
    /// that is merged at once; it never takes records but keeps the lineage readable.
    public var newShards: [ShardDescriptor]

    public init(closingShardIndices: [Int], newShards: [ShardDescriptor]) {
        self.closingShardIndices = closingShardIndices
        self.newShards = newShards
    }
}
