/// The shard-level metrics enhanced monitoring can enable.
public enum MetricsName: String, WireEnumeration {
    case incomingBytes = "IncomingBytes"
    case incomingRecords = "IncomingRecords"
    case outgoingBytes = "OutgoingBytes"
    case outgoingRecords = "OutgoingRecords"
    case writeProvisionedThroughputExceeded = "WriteProvisionedThroughputExceeded"
    case readProvisionedThroughputExceeded = "ReadProvisionedThroughputExceeded"
    case iteratorAgeMilliseconds = "IteratorAgeMilliseconds"
    case all = "ALL"
}
