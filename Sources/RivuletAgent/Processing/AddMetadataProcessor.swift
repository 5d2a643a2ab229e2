import RivuletCore

/// The Kinesis Agent's ADDMETADATA: wraps the record (trailing `\n` removed) as
/// `{"ts":"…","metadata":…,"data":"…"}` then `\n`, with `ts` (the UTC time of processing) only when `timestamp`
/// is "true", and `metadata` exactly as configured (key order kept; null when absent).
struct AddMetadataProcessor: Sendable {
    static let allowedKeys = ["optionName", "metadata", "timestamp", "jsonFormat"]

    let metadata: JSONValue
    let addsTimestamp: Bool
    let format: JSONFormat
    /// Gives `ts`; tests set it by hand.
    let clock: any WallClock

    init(
        metadata: JSONValue, addsTimestamp: Bool, format: JSONFormat,
        clock: any WallClock = SystemClock()
    ) {
        self.metadata = Self.inJavaForm(metadata)
        self.addsTimestamp = addsTimestamp
        self.format = format
        self.clock = clock
    }

    static func parse(_ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]) -> Self? {
        let problemCount = problems.count
        let metadata = reader.value("metadata") ?? .null
        let addsTimestamp = parseTimestamp(&reader, problems: &problems)
        let format = reader.choice("jsonFormat", as: JSONFormat.self, problems: &problems) ?? .compact
        reader.appendUnknownKeyProblems(to: &problems, allowed: allowedKeys)
        guard problems.count == problemCount else { return nil }
        return AddMetadataProcessor(metadata: metadata, addsTimestamp: addsTimestamp, format: format)
    }

    /// The original reads `timestamp` as a string and takes "true" in any case as yes. A JSON boolean is also
    /// taken here; other text is reported rather than silently read as no.
    private static func parseTimestamp(
        _ reader: inout ProcessingOptionReader, problems: inout [ConfigurationProblem]
    ) -> Bool {
        switch reader.value("timestamp") {
        case nil: return false
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        case let value?:
            problems.append(reader.typeProblem("timestamp", value, expected: "must be \"true\" or \"false\""))
            return false
        }
    }

    func process(_ record: [UInt8]) -> ProcessingOutcome {
        var writer = JSONByteWriter(format: format, capacity: record.count * 2 + 128)
        var memberIndex = 0
        if addsTimestamp {
            appendKey("ts", index: &memberIndex, to: &writer)
            writer.appendString(UTCTimestampText.text(epochMilliseconds: clock.nowMilliseconds()))
        }
        appendKey("metadata", index: &memberIndex, to: &writer)
        writer.appendValue(metadata, depth: 1)
        appendKey("data", index: &memberIndex, to: &writer)
        let end = record.last == UInt8(ascii: "\n") ? record.count - 1 : record.count
        record[0..<end].withUnsafeBufferPointer { writer.appendString($0) }
        writer.appendRaw(format.objectClose(depth: 1) + "\n")
        return .send(writer.bytes)
    }

    private func appendKey(_ key: String, index: inout Int, to writer: inout JSONByteWriter) {
        writer.appendRaw(format.memberLead(index: index, depth: 1))
        writer.appendString(key)
        writer.appendRaw(format.memberSeparator)
        index += 1
    }

    /// Numbers come out as Java writes back what Jackson read (`1.50` as `1.5`).
    private static func inJavaForm(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let literal): .number(JavaNumberText.text(forLiteral: literal))
        case .array(let items): .array(items.map(inJavaForm))
        case .object(let members): .object(members.map { JSONMember(key: $0.key, value: inJavaForm($0.value)) })
        case .null, .bool, .string: value
        }
    }
}
