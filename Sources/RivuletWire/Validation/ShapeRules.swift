/// The members of one input shape as the model defines them. The service checks and reports members in
/// alphabetical order of their names, whatever order the model lists them in, so the rules are kept sorted.
struct ShapeRules: Sendable {
    /// The model's shape name, which the service prints for a structure inside a list it reports.
    let name: String
    let members: [MemberRule]

    init(_ name: String, _ members: [MemberRule]) {
        self.name = name
        self.members = members.sorted { $0.path < $1.path }
    }
}

/// One member of a shape.
struct MemberRule: Sendable {
    /// The name on the wire, e.g. `StreamName`.
    let name: String
    /// The name in messages, e.g. `streamName`.
    let path: String
    let type: MemberType
    let isRequired: Bool

    init(_ name: String, _ type: MemberType, required: Bool = false) {
        precondition(!name.isEmpty, "a member has a name")
        self.name = name
        self.path = name.prefix(1).lowercased() + name.dropFirst()
        self.type = type
        self.isRequired = required
    }

    // MARK: Members many inputs share

    static let streamName = MemberRule("StreamName", .string(.streamName))
    static let requiredStreamName = MemberRule("StreamName", .string(.streamName), required: true)
    static let streamARN = MemberRule("StreamARN", .string(.streamARN))
    static let streamId = MemberRule("StreamId", .string(.streamId))
    static let resourceARN = MemberRule("ResourceARN", .string(.resourceARN), required: true)
    static let tags = MemberRule("Tags", .map(key: .tagKey, value: .tagValue, LengthRange(min: 1, max: 200)))
    static let requiredTags = MemberRule(
        "Tags", .map(key: .tagKey, value: .tagValue, LengthRange(min: 1, max: 200)), required: true)
    static let tagKeys = MemberRule("TagKeys", .list(.string(.tagKey), LengthRange(min: 1, max: 50)), required: true)
    static let consumerName = MemberRule("ConsumerName", .string(.consumerName))
    static let consumerARN = MemberRule("ConsumerARN", .string(.consumerARN))
    /// Enabling and disabling enhanced monitoring take the same list of metric names (MetricsNameList).
    static let shardLevelMetrics = MemberRule(
        "ShardLevelMetrics", .list(.string(.enumeration(MetricsName.self)), LengthRange(min: 1, max: 7)),
        required: true)
    /// Starting and stopping encryption both require the type and the key.
    static let encryptionType = MemberRule("EncryptionType", .string(.enumeration(EncryptionType.self)), required: true)
    static let keyId = MemberRule("KeyId", .string(.keyId), required: true)
}
