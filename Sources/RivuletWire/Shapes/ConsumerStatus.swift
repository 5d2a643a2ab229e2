/// Where a registered consumer is in its life: it can subscribe to shards only while ACTIVE.
public enum ConsumerStatus: String, WireEnumeration {
    case creating = "CREATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
}
