import RivuletCore

/// A configuration value as it appears in a problem report: compact JSON, numbers as the user wrote them.
enum ProblemValueText {
    static func text(of value: JSONValue) -> String {
        var writer = JSONByteWriter(format: .compact, capacity: 64)
        writer.appendValue(value, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
