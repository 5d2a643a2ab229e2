import Foundation
import RivuletCore

/// The Kinesis Agent's CSVTOJSON: splits a record (its trailing `\n` removed) on `delimiter` and writes one JSON
/// object of `customFieldNames` to column values, then `\n`. Values are not trimmed; a column the record lacks is
/// null (including empty columns at the end, which Java's split drops); extra columns are left out; names in
/// `ignoredFieldNames` are left out. Built for speed: the object is written straight into one byte buffer.
struct CSVToJSONProcessor: Sendable {
    static let allowedKeys = ["optionName", "customFieldNames", "delimiter", "ignoredFieldNames", "jsonFormat"]

    let fieldNames: [String]
    let delimiter: FieldDelimiter
    let format: JSONFormat
    /// Every fixed piece of output in one buffer, copied from without per-field reference counting: each kept
    /// field's lead (`{"name":` or `,"name":`), then `null`, then the end of the object and the newline.
    private let template: [UInt8]
    /// Per field, where its lead is in `template`; empty for an ignored field.
    private let leadRanges: [Range<Int>]
    private let nullRange: Range<Int>
    private let closingRange: Range<Int>

    init(fieldNames: [String], ignoredFieldNames: [String] = [], delimiter: FieldDelimiter, format: JSONFormat) {
        self.fieldNames = fieldNames
        self.delimiter = delimiter
        self.format = format
        let ignored = Set(ignoredFieldNames)
        var writer = JSONByteWriter(format: format, capacity: 64 * fieldNames.count + 16)
        var ranges: [Range<Int>] = []
        var keptCount = 0
        for name in fieldNames {
            let start = writer.bytes.count
            if !ignored.contains(name) {
                writer.appendRaw(format.memberLead(index: keptCount, depth: 1))
                writer.appendString(name)
                writer.appendRaw(format.memberSeparator)
                keptCount += 1
            }
            ranges.append(start..<writer.bytes.count)
        }
        let nullStart = writer.bytes.count
        writer.appendRaw("null")
        let closingStart = writer.bytes.count
        writer.appendRaw((keptCount == 0 ? format.emptyObject : format.objectClose(depth: 1)) + "\n")
        template = writer.bytes
        leadRanges = ranges
        nullRange = nullStart..<closingStart
        closingRange = closingStart..<writer.bytes.count
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
        let capacity = template.count * 2 + input.count * JSONStringEscaping.bytesPerInputByteMax
        return template.withUnsafeBufferPointer { template in
            leadRanges.withUnsafeBufferPointer { leadRanges in
                [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
                    let base = output.baseAddress!
                    var position = 0
                    for fieldIndex in 0..<leadRanges.count where !leadRanges[fieldIndex].isEmpty {
                        Self.copy(template, leadRanges[fieldIndex], into: base, position: &position)
                        guard fieldIndex < presentCount else {
                            Self.copy(template, nullRange, into: base, position: &position)
                            continue
                        }
                        base[position] = UInt8(ascii: "\"")
                        position += 1
                        let range = bounds[2 * fieldIndex]..<bounds[2 * fieldIndex + 1]
                        JSONStringEscaping.writeEscaped(input, range, into: base, position: &position)
                        base[position] = UInt8(ascii: "\"")
                        position += 1
                    }
                    Self.copy(template, closingRange, into: base, position: &position)
                    count = position
                }
            }
        }
    }

    @inline(__always)
    private static func copy(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into base: UnsafeMutablePointer<UInt8>,
        position: inout Int
    ) {
        (base + position).update(from: source.baseAddress! + range.lowerBound, count: range.count)
        position += range.count
    }
}
