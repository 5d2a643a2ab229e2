/// Where a worker starts reading a shard that has no checkpoint yet: the KCL's InitialPositionInStream.
public enum InitialPosition: Sendable, Hashable {
    /// The oldest record still retained.
    case trimHorizon
    /// Only records written after the worker first opens the shard.
    case latest
    /// The first record written at or after this time (epoch milliseconds).
    case atTimestamp(epochMilliseconds: Int64)
}
