/// The Kinesis Agent's SINGLELINE: joins the lines of a multi-line record into one line ending in `\n`.
///
/// Splitting follows Java's `String.split("\n")`: empty lines at the end are dropped, empty lines elsewhere kept.
/// Each line is trimmed as Java's `trim()` does (every character up to U+0020, so `\r` and tabs go too) unless
/// `NO_TRIM` is given; with `ESCAPE_NEW_LINE` the lines are joined by the three characters `\\n` (two backslashes
/// and `n`, as the original's own test expects), otherwise by nothing.
struct SingleLineProcessor: Sendable {
    enum ParseOption: String, CaseIterable, Sendable {
        case noTrim = "NO_TRIM"
        case escapeNewLine = "ESCAPE_NEW_LINE"
    }

    static let allowedKeys = ["optionName", "parseOptions"]
    private static let escapedNewLine: [UInt8] = Array(#"\\n"#.utf8)

    var trimsLines = true
    var escapesNewLines = false

    static func parse(_ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]) -> Self {
        var processor = SingleLineProcessor()
        let names = reader.stringList("parseOptions", problems: &problems) ?? []
        for (index, name) in names.enumerated() {
            switch ParseOption(rawValue: name) {
            case .noTrim: processor.trimsLines = false
            case .escapeNewLine: processor.escapesNewLines = true
            case nil:
                problems.append(
                    ConfigurationProblem(
                        keyPath: "\(reader.path("parseOptions"))[\(index)]", value: "\"\(name)\"",
                        expected: "must be one of \(ProcessingOptionReader.names(of: ParseOption.self))"))
            }
        }
        reader.appendUnknownKeyProblems(to: &problems, allowed: allowedKeys)
        return processor
    }

    func process(_ record: [UInt8]) -> ProcessingOutcome {
        let lines = record.withUnsafeBufferPointer { lineRanges(in: $0) }
        var output: [UInt8] = []
        output.reserveCapacity(record.count + lines.count * Self.escapedNewLine.count + 1)
        for (index, line) in lines.enumerated() {
            if index > 0 && escapesNewLines { output.append(contentsOf: Self.escapedNewLine) }
            output.append(contentsOf: record[trimsLines ? trimmed(line, in: record) : line])
        }
        output.append(UInt8(ascii: "\n"))
        return .send(UTF8Repair.repaired(output))
    }

    /// Java's `split("\n")`: no newline at all gives the whole record; otherwise trailing empty lines are dropped.
    private func lineRanges(in input: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<input.count where input[index] == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        if lines.isEmpty { return [0..<input.count] }
        lines.append(start..<input.count)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    private func trimmed(_ line: Range<Int>, in record: [UInt8]) -> Range<Int> {
        var lower = line.lowerBound
        var upper = line.upperBound
        while lower < upper && record[lower] <= 0x20 { lower += 1 }
        while upper > lower && record[upper - 1] <= 0x20 { upper -= 1 }
        return lower..<upper
    }
}
