/// Where the account's minimum throughput billing commitment stands. A commitment asked to end before its
/// earliest allowed end stays in force until then, which is the third state.
public enum MinimumThroughputBillingCommitmentOutputStatus: String, WireEnumeration {
    case enabled = "ENABLED"
    case disabled = "DISABLED"
    case enabledUntilEarliestAllowedEnd = "ENABLED_UNTIL_EARLIEST_ALLOWED_END"
}
