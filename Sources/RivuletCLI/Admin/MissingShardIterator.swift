/// GetShardIterator answered without an iterator, so get-records has nothing to read from.
struct MissingShardIterator: Error, CustomStringConvertible {
    var shardId: String

    var description: String { "the service returned no shard iterator for \(shardId)" }
}
