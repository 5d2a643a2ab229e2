/// Strings: escapes, surrogate pairs, and UTF-8 validation.
extension JSONByteCursor {
    /// Reads the string whose opening quote is at the cursor and returns its decoded text.
    mutating func readString() throws(JSONParseError) -> String {
        let start = index
        advance()
        var decoded: [UInt8] = []
        while true {
            guard let byte = current else { throw error("the string is not closed with \"", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case 0x00..<0x20:
                throw error("a control character (\(Self.describe(byte))) must be escaped in a string")
            default:
                decoded.append(byte)
                advance()
            }
        }
    }

    /// Moves past the string whose opening quote is at the cursor, checking its escapes but not building it.
    mutating func skipString() throws(JSONParseError) {
        let start = index
        advance()
        var unused: [UInt8] = []
        while true {
            guard let byte = current else { throw error("the string is not closed with \"", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return
            case UInt8(ascii: "\\"):
                try readEscape(into: &unused)
                unused.removeAll(keepingCapacity: true)
            case 0x00..<0x20:
                throw error("a control character (\(Self.describe(byte))) must be escaped in a string")
            default:
                advance()
            }
        }
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(JSONParseError) {
        let start = index
        advance()
        guard let letter = current else { throw error("the string is not closed with \"", at: start) }
        advance()
        let simple: UInt8?
        switch letter {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw error("\\\(Character(Unicode.Scalar(letter))) is not an escape JSON knows", at: start)
        }
        if let simple {
            decoded.append(simple)
            return
        }
        let scalar = try readUnicodeEscape(start: start)
        UTF8.encode(scalar) { decoded.append($0) }
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\uDC00`...`\uDFFF` that must follow it.
    private mutating func readUnicodeEscape(start: Int) throws(JSONParseError) -> Unicode.Scalar {
        let first = try readHexQuad(start: start)
        if (0xDC00...0xDFFF).contains(first) {
            throw error("\\u\(Self.hex(first)) is the second half of a surrogate pair without its first", at: start)
        }
        guard (0xD800...0xDBFF).contains(first) else {
            // Not a surrogate, so always a valid scalar.
            return Unicode.Scalar(first)!
        }
        let secondStart = index
        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
            throw error("\\u\(Self.hex(first)) is the first half of a surrogate pair without its second", at: start)
        }
        index += 2
        let second = try readHexQuad(start: secondStart)
        guard (0xDC00...0xDFFF).contains(second) else {
            throw error("\\u\(Self.hex(first)) is the first half of a surrogate pair without its second", at: start)
        }
        let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        return Unicode.Scalar(value)!
    }

    private mutating func readHexQuad(start: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigitValue(byte) else {
                throw error("\\u is followed by four hex digits", at: start)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
