import Foundation

/// How files are cut into records: header lines, multi-line records, footers, the terminator of cut records.
extension FlowConfigurationDecoder {
    static func readFraming(_ reader: inout ConfigurationObjectReader, into flow: inout FlowConfiguration) {
        if let lines = reader.integer("skipHeaderLines", in: 0...1_000_000) {
            flow.framing.skipHeaderLines = lines
        }
        flow.framing.multiLineStartPattern = readPattern(&reader, "multiLineStartPattern")
        flow.framing.fileFooterPattern = readPattern(&reader, "fileFooterPattern")
        if let terminator = readTerminator(&reader) {
            flow.framing.truncatedRecordTerminator = terminator
        }
        if let timeout = reader.integer("partialLineTimeoutMillis", in: 1...timingMillisecondsMax) {
            flow.framing.partialLineTimeoutMilliseconds = timeout
        }
    }

    /// A regular expression, checked now so a mistake in it stops the start rather than every record; empty means
    /// none, as in the Kinesis Agent.
    private static func readPattern(_ reader: inout ConfigurationObjectReader, _ key: String) -> String? {
        guard let pattern = reader.string(key) else { return nil }
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            reader.report(key, "must be a regular expression (ICU syntax, as Java's): it does not compile")
            return nil
        }
        return pattern
    }

    /// The UTF-8 bytes of the string; an empty string is allowed (cut records then end as they were cut).
    private static func readTerminator(_ reader: inout ConfigurationObjectReader) -> [UInt8]? {
        guard let value = reader.value("truncatedRecordTerminator") else { return nil }
        let bytesMax = ConfigurationLimits.truncatedRecordTerminatorBytesMax
        guard case .string(let text) = value, text.utf8.count <= bytesMax else {
            reader.report("truncatedRecordTerminator", "must be a string of at most \(bytesMax) bytes")
            return nil
        }
        return Array(text.utf8)
    }
}
