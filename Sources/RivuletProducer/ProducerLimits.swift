/// The producer's fixed bounds: ceilings on what a configuration may ask for, and its internal cadences.
enum ProducerLimits {
    /// Most PutRecords calls a producer may keep in flight, however it is configured.
    static let requestsInFlightCeiling = 256
    /// The producer's timer checks buffer deadlines at most this often...
    static let tickMillisecondsMin: Int64 = 1
    /// ...and at least this often, so a deadline is missed by no more than this.
    static let tickMillisecondsMax: Int64 = 20
    /// Shards listed per ListShards page.
    static let listShardsPageSize = 1000
    /// ListShards pages read for one map: 100,000 shards, far beyond any stream's.
    static let listShardsPagesMax = 100
}
