import RivuletCore

/// Reads the keys of one `dataProcessingOptions` entry, appending a problem for each key that is missing, of the
/// wrong type or not allowed, and remembering which keys were read so the rest can be reported as unknown.
struct ProcessingOptionReader {
    let keyPath: String
    private let members: [JSONMember]
    private var readKeys: Set<String> = []

    init(members: [JSONMember], keyPath: String) {
        self.members = members
        self.keyPath = keyPath
    }

    func path(_ key: String) -> String { "\(keyPath).\(key)" }

    /// The value of `key`; as in Jackson, the last of repeated keys wins.
    mutating func value(_ key: String) -> JSONValue? {
        readKeys.insert(key)
        return members.last(where: { $0.key == key })?.value
    }

    mutating func string(_ key: String, problems: inout [ConfigurationProblem]) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            problems.append(typeProblem(key, value, expected: "must be a string"))
            return nil
        }
        return text
    }

    /// A list of strings; a wrong element is reported at its own index and left out.
    mutating func stringList(_ key: String, problems: inout [ConfigurationProblem]) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else {
            problems.append(typeProblem(key, value, expected: "must be an array of strings"))
            return nil
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                problems.append(
                    ConfigurationProblem(
                        keyPath: "\(path(key))[\(index)]", value: ProblemValueText.text(of: item),
                        expected: "must be a string"))
                continue
            }
            strings.append(text)
        }
        return strings
    }

    /// One of an enumeration's names, matched case-sensitively as the Kinesis Agent does.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, as type: Choice.Type, problems: inout [ConfigurationProblem]
    ) -> Choice? where Choice.RawValue == String {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value, let choice = Choice(rawValue: text) else {
            problems.append(typeProblem(key, value, expected: "must be one of \(Self.names(of: type))"))
            return nil
        }
        return choice
    }

    func missing(_ key: String, expected: String) -> ConfigurationProblem {
        ConfigurationProblem(keyPath: path(key), value: nil, expected: expected)
    }

    func typeProblem(_ key: String, _ value: JSONValue, expected: String) -> ConfigurationProblem {
        ConfigurationProblem(keyPath: path(key), value: ProblemValueText.text(of: value), expected: expected)
    }

    /// One problem for every key the processor did not read.
    func appendUnknownKeyProblems(to problems: inout [ConfigurationProblem], allowed: [String]) {
        var reported: Set<String> = []
        for member in members where !readKeys.contains(member.key) && reported.insert(member.key).inserted {
            problems.append(
                ConfigurationProblem(
                    keyPath: path(member.key), value: ProblemValueText.text(of: member.value),
                    expected: "is not a key of this processing option; allowed: \(allowed.joined(separator: ", "))"))
        }
    }

    static func names<Choice: RawRepresentable & CaseIterable>(of type: Choice.Type) -> String
    where Choice.RawValue == String {
        type.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
