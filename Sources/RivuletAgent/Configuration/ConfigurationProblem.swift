/// One thing wrong with an agent configuration: where it is, what was written there, and what is allowed. The agent
/// refuses to start while there is any, and lists them all.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, e.g. `flows[1].dataProcessingOptions[0].delimiter` (prefixed by the file when known).
    public var keyPath: String
    /// The value as written, nil when the key is missing.
    public var value: String?
    /// What is allowed, or what is wrong, e.g. `must be one of RANDOM, DETERMINISTIC`.
    public var expected: String

    public init(keyPath: String, value: String?, expected: String) {
        self.keyPath = keyPath
        self.value = value
        self.expected = expected
    }

    public var description: String {
        if let value {
            return "\(keyPath): \(value) — \(expected)"
        }
        return "\(keyPath): \(expected)"
    }
}
