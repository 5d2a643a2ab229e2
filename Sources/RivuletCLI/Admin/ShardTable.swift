import RivuletWire

/// Shards as a table: identity, lineage, hash key range and sequence number range, one shard a line. An open
/// shard has no ending sequence number and shows `-` there.
enum ShardTable {
    static func text(_ shards: [Shard]) -> String {
        TextTable(
            header: [
                "SHARD ID", "PARENT", "ADJACENT PARENT", "STARTING SEQUENCE NUMBER", "ENDING SEQUENCE NUMBER",
                "STARTING HASH KEY", "ENDING HASH KEY",
            ],
            rows: shards.map { shard in
                [
                    shard.shardId, shard.parentShardId ?? "-", shard.adjacentParentShardId ?? "-",
                    shard.sequenceNumberRange.startingSequenceNumber,
                    shard.sequenceNumberRange.endingSequenceNumber ?? "-",
                    shard.hashKeyRange.startingHashKey, shard.hashKeyRange.endingHashKey,
                ]
            }
        ).render()
    }
}
