/// What a NextToken of ListShards or ListStreams stands for: where the previous page of a listing ended.
public struct PagePosition: Equatable, Sendable {
    public var account: String
    public var region: String
    /// The stream whose shards are listed; empty when streams are listed.
    public var streamName: String
    /// Tells a re-created stream of the same name from the one the token was issued for; 0 for stream listings.
    public var streamCreatedMilliseconds: Int64
    /// The last item of the previous page: a shard id or a stream name.
    public var lastKey: String
    /// ListShards: the filter of the first request, which every later page keeps applying.
    public var shardFilter: ShardFilter?
    public var issuedMilliseconds: Int64

    public init(
        account: String, region: String, streamName: String, streamCreatedMilliseconds: Int64, lastKey: String,
        shardFilter: ShardFilter? = nil, issuedMilliseconds: Int64
    ) {
        self.account = account
        self.region = region
        self.streamName = streamName
        self.streamCreatedMilliseconds = streamCreatedMilliseconds
        self.lastKey = lastKey
        self.shardFilter = shardFilter
        self.issuedMilliseconds = issuedMilliseconds
    }
}
