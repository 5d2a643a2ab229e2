import Foundation

/// The Kinesis Agent's LOGTOJSON: matches the whole line (trailing `\n` removed) against the format's pattern, or
/// `matchPattern`, and writes one JSON object of field names to captured groups, then `\n`. A group that did not
/// take part in the match is null. A line that does not match is dropped, as the original drops it.
struct LogToJSONProcessor: Sendable {
    static let allowedKeys = ["optionName", "logFormat", "matchPattern", "customFieldNames", "jsonFormat"]

    let logFormat: LogFormat
    let fieldNames: [String]
    let format: JSONFormat
    /// The pattern wrapped so that a match must span the line, as Java's `Matcher.matches()` requires.
    private let wholeLinePattern: NSRegularExpression

    init(logFormat: LogFormat, pattern: NSRegularExpression, fieldNames: [String], format: JSONFormat) throws {
        self.logFormat = logFormat
        self.fieldNames = fieldNames
        self.format = format
        wholeLinePattern = try NSRegularExpression(pattern: "(?:\(pattern.pattern))\\z")
    }

    static func parse(_ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]) -> Self? {
        let problemCount = problems.count
        let logFormat = reader.choice("logFormat", as: LogFormat.self, problems: &problems)
        if reader.value("logFormat") == nil {
            problems.append(
                reader.missing(
                    "logFormat", expected: "is required, one of \(ProcessingOptionReader.names(of: LogFormat.self))"))
        }
        let customNames = reader.stringList("customFieldNames", problems: &problems)
        let matchPattern = parseMatchPattern(&reader, problems: &problems)
        let format = reader.choice("jsonFormat", as: JSONFormat.self, problems: &problems) ?? .compact
        reader.appendUnknownKeyProblems(to: &problems, allowed: allowedKeys)
        guard let logFormat, problems.count == problemCount else { return nil }
        let pattern = matchPattern ?? (try? NSRegularExpression(pattern: logFormat.pattern))
        guard let pattern else { preconditionFailure("the built-in pattern of \(logFormat) does not compile") }
        let names = customNames ?? logFormat.fieldNames
        guard checkFieldCount(names, pattern, custom: customNames != nil, &reader, &problems) else { return nil }
        do {
            return try LogToJSONProcessor(logFormat: logFormat, pattern: pattern, fieldNames: names, format: format)
        } catch {
            // Only a pattern that ends inside a comment, e.g. under (?x), cannot be anchored at the line's end.
            problems.append(
                reader.typeProblem(
                    "matchPattern", reader.value("matchPattern") ?? .null,
                    expected: "must be a regular expression that can be made to match whole lines"))
            return nil
        }
    }

    private static func parseMatchPattern(
        _ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]
    ) -> NSRegularExpression? {
        guard let text = reader.string("matchPattern", problems: &problems) else { return nil }
        if reader.value("customFieldNames") == nil {
            problems.append(
                reader.missing("customFieldNames", expected: "is required with matchPattern: one name per group"))
        }
        do {
            return try NSRegularExpression(pattern: text)
        } catch {
            problems.append(
                reader.typeProblem("matchPattern", .string(text), expected: "must be a valid regular expression"))
            return nil
        }
    }

    /// The original needs one name per capturing group; with a wrong count it would drop every line.
    private static func checkFieldCount(
        _ names: [String], _ pattern: NSRegularExpression, custom: Bool,
        _ reader: inout ProcessingOptionReader, _ problems: inout [ConfigurationProblem]
    ) -> Bool {
        guard names.count != pattern.numberOfCaptureGroups else { return true }
        let key = custom ? "customFieldNames" : "matchPattern"
        let value = reader.value(key) ?? .null
        problems.append(
            reader.typeProblem(
                key, value,
                expected: "must give \(pattern.numberOfCaptureGroups) field names, one per capturing group, "
                    + "not \(names.count)"))
        return false
    }

    func process(_ record: [UInt8]) -> ProcessingOutcome {
        var end = record.count
        if end > 0 && record[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let line = String(decoding: record[0..<end], as: UTF8.self)
        let lineRange = NSRange(location: 0, length: line.utf16.count)
        guard let match = wholeLinePattern.firstMatch(in: line, options: [.anchored], range: lineRange) else {
            return .skip
        }
        var members: [(key: String, value: String?)] = []
        members.reserveCapacity(fieldNames.count)
        for (index, name) in fieldNames.enumerated() {
            members.append((name, value(ofGroup: index + 1, in: match, line: line)))
        }
        var writer = JSONByteWriter(format: format, capacity: record.count * 2 + 64)
        writer.appendFlatObject(members)
        writer.appendRaw("\n")
        return .send(writer.bytes)
    }

    private func value(ofGroup group: Int, in match: NSTextCheckingResult, line: String) -> String? {
        let range = match.range(at: group)
        guard range.location != NSNotFound, let bounds = Range(range, in: line) else { return nil }
        let value = String(line[bounds])
        return logFormat.dashMeansNull && value == "-" ? nil : value
    }
}
