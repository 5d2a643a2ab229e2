import Foundation

/// The Kinesis Agent's CSVTOJSON: splits a record (its trailing `\n` removed) on `delimiter` and writes one JSON
/// object of `customFieldNames` to column values, then `\n`. Values are not trimmed; a column the record lacks is
/// null (including empty columns at the end, which Java's split drops); extra columns are left out; names in
/// `ignoredFieldNames` are left out. Built for speed: the object is written straight into one byte buffer.
struct CSVToJSONProcessor: Sendable {
    static let allowedKeys = ["optionName", "customFieldNames", "delimiter", "ignoredFieldNames", "jsonFormat"]

    let fieldNames: [String]
    let delimiter: FieldDelimiter
    let format: JSONFormat
    /// Per field, the bytes written before its value (`{"name":` or `,"name":`), nil for an ignored field.
    private let memberLeads: [[UInt8]?]
    /// What ends the object, then the newline.
    private let closing: [UInt8]
    private let leadByteCount: Int

    init(fieldNames: [String], ignoredFieldNames: [String] = [], delimiter: FieldDelimiter, format: JSONFormat) {
        self.fieldNames = fieldNames
        self.delimiter = delimiter
        self.format = format
        let ignored = Set(ignoredFieldNames)
        var leads: [[UInt8]?] = []
        var keptCount = 0
        for name in fieldNames {
            guard !ignored.contains(name) else {
                leads.append(nil)
                continue
            }
            var writer = JSONByteWriter(format: format, capacity: name.utf8.count + 8)
            writer.appendRaw(format.memberLead(index: keptCount, depth: 1))
            writer.appendString(name)
            writer.appendRaw(format.memberSeparator)
            leads.append(writer.bytes)
            keptCount += 1
        }
        memberLeads = leads
        closing = Array(((keptCount == 0 ? format.emptyObject : format.objectClose(depth: 1)) + "\n").utf8)
        leadByteCount = leads.reduce(0) { $0 + ($1?.count ?? 0) }
    }

    static func parse(_ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]) -> Self? {
        let problemCount = problems.count
        let names = reader.stringList("customFieldNames", problems: &problems)
        if names == nil, reader.value("customFieldNames") == nil {
            problems.append(reader.missing("customFieldNames", expected: "is required: the JSON key of each column"))
        } else if names?.isEmpty == true {
            problems.append(
                reader.typeProblem("customFieldNames", .array([]), expected: "must name at least one column"))
        }
        let ignored = reader.stringList("ignoredFieldNames", problems: &problems) ?? []
        let delimiter = parseDelimiter(&reader, problems: &problems)
        let format = reader.choice("jsonFormat", as: JSONFormat.self, problems: &problems) ?? .compact
        reader.appendUnknownKeyProblems(to: &problems, allowed: allowedKeys)
        guard problems.count == problemCount, let names, let delimiter else { return nil }
        return CSVToJSONProcessor(fieldNames: names, ignoredFieldNames: ignored, delimiter: delimiter, format: format)
    }

    private static func parseDelimiter(
        _ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]
    ) -> FieldDelimiter? {
        guard reader.value("delimiter") != nil else { return .literal([UInt8(ascii: ",")]) }
        guard let expression = reader.string("delimiter", problems: &problems) else { return nil }
        guard !expression.isEmpty else {
            problems.append(reader.typeProblem("delimiter", .string(""), expected: "must not be empty"))
            return nil
        }
        do {
            return try FieldDelimiter.parse(expression)
        } catch {
            problems.append(
                reader.typeProblem("delimiter", .string(expression), expected: "must be a valid regular expression"))
            return nil
        }
    }

    func process(_ record: [UInt8]) -> ProcessingOutcome {
        switch delimiter {
        case .literal(let delimiterBytes): .send(convertSplittingBytes(record, on: delimiterBytes))
        case .pattern(let expression): .send(convertSplittingText(record, on: expression))
        }
    }

    private func convertSplittingBytes(_ record: [UInt8], on delimiterBytes: [UInt8]) -> [UInt8] {
        record.withUnsafeBufferPointer { input in
            delimiterBytes.withUnsafeBufferPointer { delimiter in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldNames.count * 2) { bounds in
                    let end = Self.endWithoutNewline(input)
                    let presentCount = LiteralFieldSplitter.split(
                        input, end: end, delimiter: delimiter, bounds: bounds, fieldCountMax: fieldNames.count)
                    return writeObject(input, bounds: UnsafeBufferPointer(bounds), presentCount: presentCount)
                }
            }
        }
    }

    /// The regular-expression path works on the decoded text, as Java does, then writes from its UTF-8.
    private func convertSplittingText(_ record: [UInt8], on expression: NSRegularExpression) -> [UInt8] {
        let end = record.withUnsafeBufferPointer { Self.endWithoutNewline($0) }
        var text = String(decoding: record[0..<end], as: UTF8.self)
        let fields = PatternFieldSplitter.fieldBounds(of: text, splitBy: expression)
        let presentCount = min(fields.count, fieldNames.count)
        var bounds: [Int] = []
        for field in fields.prefix(presentCount) { bounds += [field.lowerBound, field.upperBound] }
        return text.withUTF8 { input in
            bounds.withUnsafeBufferPointer { writeObject(input, bounds: $0, presentCount: presentCount) }
        }
    }

    private static func endWithoutNewline(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        input.count > 0 && input[input.count - 1] == UInt8(ascii: "\n") ? input.count - 1 : input.count
    }

    private func writeObject(
        _ input: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<Int>, presentCount: Int
    ) -> [UInt8] {
        let capacity =
            leadByteCount + closing.count + fieldNames.count * 4
            + input.count * JSONStringEscaping.bytesPerInputByteMax
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            let base = output.baseAddress!
            var position = 0
            for fieldIndex in 0..<fieldNames.count {
                guard let lead = memberLeads[fieldIndex] else { continue }
                Self.copy(lead, into: base, position: &position)
                guard fieldIndex < presentCount else {
                    Self.copy(Self.null, into: base, position: &position)
                    continue
                }
                base[position] = UInt8(ascii: "\"")
                position += 1
                let range = bounds[2 * fieldIndex]..<bounds[2 * fieldIndex + 1]
                JSONStringEscaping.writeEscaped(input, range, into: base, position: &position)
                base[position] = UInt8(ascii: "\"")
                position += 1
            }
            Self.copy(closing, into: base, position: &position)
            count = position
        }
    }

    private static let null: [UInt8] = Array("null".utf8)

    @inline(__always)
    private static func copy(_ bytes: [UInt8], into base: UnsafeMutablePointer<UInt8>, position: inout Int) {
        bytes.withUnsafeBufferPointer { source in
            (base + position).update(from: source.baseAddress!, count: source.count)
        }
        position += bytes.count
    }
}
