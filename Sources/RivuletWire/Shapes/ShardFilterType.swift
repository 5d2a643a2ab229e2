/// The kinds of ShardFilter.
public enum ShardFilterType: String, WireEnumeration {
    case afterShardId = "AFTER_SHARD_ID"
    case atTrimHorizon = "AT_TRIM_HORIZON"
    case fromTrimHorizon = "FROM_TRIM_HORIZON"
    case atLatest = "AT_LATEST"
    case atTimestamp = "AT_TIMESTAMP"
    case fromTimestamp = "FROM_TIMESTAMP"
}
