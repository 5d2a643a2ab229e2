/// A JSON document as it was written: object members keep their order and numbers keep their text, so values from
/// a configuration file are reported, and re-emitted (ADDMETADATA), exactly as the user wrote them, and output meant
/// for people (`rivulet tail --output json`) lists its members in the order a reader expects.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, e.g. `1.50` or `-2e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One member of a JSON object, in document order.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
