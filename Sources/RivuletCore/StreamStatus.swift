/// The lifecycle of a stream, as the API reports it.
public enum StreamStatus: String, Sendable, Codable, CaseIterable {
    case creating = "CREATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
    case updating = "UPDATING"
}

/// PROVISIONED streams have a fixed shard count; ON_DEMAND streams start with four shards.
public enum StreamMode: String, Sendable, Codable, CaseIterable {
    case provisioned = "PROVISIONED"
    case onDemand = "ON_DEMAND"
}
