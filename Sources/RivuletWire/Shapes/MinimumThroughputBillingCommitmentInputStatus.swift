/// What UpdateAccountSettings may ask of the minimum throughput billing commitment.
public enum MinimumThroughputBillingCommitmentInputStatus: String, WireEnumeration {
    case enabled = "ENABLED"
    case disabled = "DISABLED"
}
