/// What a shard iterator stands for: a place in one shard of one incarnation of a stream, and when it was issued.
public struct IteratorPosition: Hashable, Sendable {
    public var account: String
    public var region: String
    public var streamName: String
    /// Tells a re-created stream of the same name from the one the iterator was issued for.
    public var streamCreatedMilliseconds: Int64
    public var shardIndex: Int
    /// The position in the shard of the next record to read.
    public var position: UInt64
    public var issuedMilliseconds: Int64

    public init(
        account: String, region: String, streamName: String, streamCreatedMilliseconds: Int64, shardIndex: Int,
        position: UInt64, issuedMilliseconds: Int64
    ) {
        self.account = account
        self.region = region
        self.streamName = streamName
        self.streamCreatedMilliseconds = streamCreatedMilliseconds
        self.shardIndex = shardIndex
        self.position = position
        self.issuedMilliseconds = issuedMilliseconds
    }
}
