/// Where a shard iterator starts.
///
/// The cases are declared in the order the service lists them when it refuses an unknown value.
public enum ShardIteratorType: String, WireEnumeration {
    case afterSequenceNumber = "AFTER_SEQUENCE_NUMBER"
    case latest = "LATEST"
    case atTimestamp = "AT_TIMESTAMP"
    case atSequenceNumber = "AT_SEQUENCE_NUMBER"
    case trimHorizon = "TRIM_HORIZON"
}
