import RivuletCore

/// The constraints of a string shape.
struct StringRule: Sendable {
    var length: LengthRange
    var pattern: WirePattern?
    /// The allowed values, in the order the service lists them in its message.
    var allowedValues: [String]?

    init(length: LengthRange = .unbounded, pattern: WirePattern? = nil, allowedValues: [String]? = nil) {
        self.length = length
        self.pattern = pattern
        self.allowedValues = allowedValues
    }

    /// The constraints `text` breaks, in the order the service reports them.
    func violations(of text: String) -> [String] {
        var found: [String] = []
        if let allowedValues, !allowedValues.contains(text) { found.append(enumDescription(allowedValues)) }
        if let pattern, !pattern.matches(text) {
            found.append("Member must satisfy regular expression pattern: \(pattern.source)")
        }
        found += LengthRange.violations(of: length, count: text.utf16.count)
        return found
    }

    /// Every constraint, as the service lists them when a list element or map entry breaks any: "[Member must have
    /// length less than or equal to 128, Member must have length greater than or equal to 1]".
    var summary: String {
        var parts: [String] = []
        if let allowedValues { parts.append(enumDescription(allowedValues)) }
        if let max = length.max { parts.append("Member must have length less than or equal to \(max)") }
        if let min = length.min { parts.append("Member must have length greater than or equal to \(min)") }
        if let pattern { parts.append("Member must satisfy regular expression pattern: \(pattern.source)") }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    private func enumDescription(_ allowedValues: [String]) -> String {
        "Member must satisfy enum value set: [\(allowedValues.joined(separator: ", "))]"
    }

    // MARK: The model's string shapes

    static let streamName = StringRule(length: LengthRange(min: 1, max: 128), pattern: .name)
    static let streamARN = StringRule(length: LengthRange(min: 1, max: 2048), pattern: .streamARN)
    static let resourceARN = StringRule(length: LengthRange(min: 1, max: 2048), pattern: .resourceARN)
    static let streamId = StringRule(length: LengthRange(min: 1, max: 24), pattern: .streamId)
    static let shardId = StringRule(length: LengthRange(min: 1, max: 128), pattern: .name)
    static let hashKey = StringRule(pattern: .hashKey)
    static let sequenceNumber = StringRule(pattern: .sequenceNumber)
    static let partitionKey = StringRule(length: LengthRange(min: 1, max: 256))
    static let shardIterator = StringRule(length: LengthRange(min: 1, max: Limits.shardIteratorLengthMax))
    static let nextToken = StringRule(length: LengthRange(min: 1, max: 1_048_576))
    static let tagKey = StringRule(length: LengthRange(min: 1, max: 128))
    static let tagValue = StringRule(length: LengthRange(min: 0, max: 256))
    static let consumerName = StringRule(length: LengthRange(min: 1, max: 128), pattern: .name)
    static let consumerARN = StringRule(length: LengthRange(min: 1, max: 2048), pattern: .consumerARN)
    static let keyId = StringRule(length: LengthRange(min: 1, max: 2048))
    /// The model puts no bound on a resource policy's text; the service's own limit is not part of the wire check.
    static let policy = StringRule()

    static func enumeration<Enumeration: WireEnumeration>(_: Enumeration.Type) -> StringRule {
        StringRule(allowedValues: Enumeration.allCases.map(\.rawValue))
    }
}

extension LengthRange {
    static func violations(of range: LengthRange, count: Int) -> [String] {
        var found: [String] = []
        if let min = range.min, count < min { found.append("Member must have length greater than or equal to \(min)") }
        if let max = range.max, count > max { found.append("Member must have length less than or equal to \(max)") }
        return found
    }
}
