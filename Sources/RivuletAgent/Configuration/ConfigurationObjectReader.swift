import RivuletCore

/// Reads the members of one configuration object by key, recording a problem for every value that is missing, of
/// the wrong type or out of range, so that one pass reports every mistake. Values are converted as the Kinesis
/// Agent converts them (numbers and booleans may be written as strings), so its files keep working. `null` means
/// "not set", as it does there.
struct ConfigurationObjectReader {
    let members: [JSONMember]
    /// Where the object is, e.g. `flows[2]`; empty for the top level.
    let keyPath: String
    var problems: [ConfigurationProblem] = []

    init(members: [JSONMember], keyPath: String) {
        self.members = members
        self.keyPath = keyPath
    }

    func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    /// The value written for `key`; nil when absent or null.
    func value(_ key: String) -> JSONValue? {
        guard let member = members.first(where: { $0.key == key }), member.value != .null else { return nil }
        return member.value
    }

    func contains(_ key: String) -> Bool { value(key) != nil }

    mutating func report(_ key: String, _ expected: String) {
        problems.append(ConfigurationProblem(keyPath: path(key), value: value(key).map(Self.shown), expected: expected))
    }

    /// A problem that quotes no value: the key is missing, or its value is a secret.
    mutating func reportWithoutValue(_ key: String, _ expected: String = "is required") {
        problems.append(ConfigurationProblem(keyPath: path(key), value: nil, expected: expected))
    }

    /// A string; nil when absent, null or empty (the Kinesis Agent treats an empty string as not set).
    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            report(key, "must be a string")
            return nil
        }
        return text.isEmpty ? nil : text
    }

    /// A non-empty string; for anything else (an empty string included) one problem saying what is expected.
    mutating func nonEmptyString(_ key: String, expected: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value, !text.isEmpty else {
            report(key, expected)
            return nil
        }
        return text
    }

    /// A whole number within `range`; written as a number or as a string of decimal digits.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key) else { return nil }
        let expected = "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default:
            report(key, expected)
            return nil
        }
        guard Self.isWholeNumber(text), let number = Int(text), range.contains(number) else {
            report(key, expected)
            return nil
        }
        return number
    }

    /// true or false; also the strings (any case) and numbers the Kinesis Agent accepts: true/yes/t/y/1 and
    /// false/no/f/n/0.
    mutating func boolean(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        let text: String
        switch value {
        case .bool(let flag): return flag
        case .string(let literal): text = literal.lowercased()
        case .number(let literal): text = literal
        default: text = ""
        }
        switch text {
        case "true", "yes", "t", "y", "1": return true
        case "false", "no", "f", "n", "0": return false
        default:
            report(key, "must be true or false")
            return nil
        }
    }

    /// One of `choices`, spelled exactly (case matters, as in the Kinesis Agent).
    mutating func choice(_ key: String, among choices: [String]) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value, choices.contains(text) else {
            report(key, "must be one of \(choices.joined(separator: ", ")) (case matters)")
            return nil
        }
        return text
    }

    private static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.utf8.allSatisfy(JSONReader.isDigit)
    }

    /// A value as it is quoted in a problem: compact JSON, cut when long.
    static func shown(_ value: JSONValue) -> String {
        let text = JSONTextWriter.compactText(of: value)
        let limit = ConfigurationLimits.shownValueCharactersMax
        return text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
