/// Indents compact JSON for reading, four spaces a level as the aws CLI prints it. Only whitespace is added, so
/// every value stays byte for byte what the API encodes.
enum PrettyJSON {
    static let indentUnit = "    "

    /// `compact` holds no whitespace outside strings, as `JSONWire.encode` writes it; empty input stays empty.
    static func format(_ compact: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0
        func newline() {
            result.append(UInt8(ascii: "\n"))
            for _ in 0..<depth { result.append(contentsOf: indentUnit.utf8) }
        }
        while index < compact.count {
            let byte = compact[index]
            index += 1
            if inString {
                result.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                result.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                result.append(byte)
                let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < compact.count, compact[index] == closing {
                    // An empty object or array stays on one line.
                    result.append(closing)
                    index += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                result.append(byte)
            case UInt8(ascii: ","):
                result.append(byte)
                newline()
            case UInt8(ascii: ":"):
                result.append(contentsOf: ": ".utf8)
            default:
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
