import RivuletCore

/// A strict recursive-descent JSON parser over a borrowed buffer. Strings without escapes are made in one copy;
/// integers are read exactly into 64 bits, everything else through the standard library's correctly rounded
/// `Double` parsing.
struct JSONParser {
    /// The document is not JSON; which fault it was does not matter to the caller.
    struct Malformed: Error {}

    private let input: UnsafeRawBufferPointer
    private var position = 0
    private var depth = 0

    init(_ input: UnsafeRawBufferPointer) {
        self.input = input
    }

    mutating func parseDocument() throws(Malformed) -> WireValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == input.count else { throw Malformed() }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(Malformed) -> WireValue {
        guard let byte = peek() else { throw Malformed() }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Malformed()
        }
    }

    private mutating func parseObject() throws(Malformed) -> WireValue {
        try enterContainer()
        var members: [WireObject.Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(WireObject(members))
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw Malformed() }
            let name = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append(WireObject.Member(name: name, value: try parseValue()))
            skipWhitespace()
            guard let separator = next() else { throw Malformed() }
            if separator == UInt8(ascii: "}") { break }
            guard separator == UInt8(ascii: ",") else { throw Malformed() }
        }
        depth -= 1
        return .object(WireObject(members))
    }

    private mutating func parseArray() throws(Malformed) -> WireValue {
        try enterContainer()
        var elements: [WireValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard let separator = next() else { throw Malformed() }
            if separator == UInt8(ascii: "]") { break }
            guard separator == UInt8(ascii: ",") else { throw Malformed() }
        }
        depth -= 1
        return .array(elements)
    }

    /// Consumes the opening bracket, refusing documents nested deeper than the limit.
    private mutating func enterContainer() throws(Malformed) {
        depth += 1
        guard depth <= Limits.bodyNestingDepthMax else { throw Malformed() }
        position += 1
    }

    // MARK: Strings

    private mutating func parseString() throws(Malformed) -> String {
        position += 1  // the opening quote
        let start = position
        // Fast path: scan to the closing quote; without escapes the bytes are the string.
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(UnsafeRawBufferPointer(rebasing: input[start..<position]))
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Malformed() }
            position += 1
        }
        guard position < input.count else { throw Malformed() }
        var bytes = Array(UnsafeRawBufferPointer(rebasing: input[start..<position]))
        try parseEscapedRemainder(into: &bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Malformed() }
        return text
    }

    /// Continues a string that has escapes, from the first backslash to the closing quote.
    private mutating func parseEscapedRemainder(into bytes: inout [UInt8]) throws(Malformed) {
        while let byte = next() {
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                try parseEscape(into: &bytes)
            case 0..<0x20:
                throw Malformed()
            default:
                bytes.append(byte)
            }
        }
        throw Malformed()
    }

    private mutating func parseEscape(into bytes: inout [UInt8]) throws(Malformed) {
        guard let escaped = next() else { throw Malformed() }
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            UTF8.encode(try parseUnicodeEscape()) { bytes.append($0) }
        default: throw Malformed()
        }
    }

    /// Reads the hex digits after `\u`, joining a surrogate pair; a lone surrogate is not a character and refused.
    private mutating func parseUnicodeEscape() throws(Malformed) -> Unicode.Scalar {
        let first = try parseHexQuad()
        switch first {
        case 0xD800...0xDBFF:
            guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else { throw Malformed() }
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw Malformed() }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
            return scalar
        case 0xDC00...0xDFFF:
            throw Malformed()
        default:
            guard let scalar = Unicode.Scalar(first) else { throw Malformed() }
            return scalar
        }
    }

    private mutating func parseHexQuad() throws(Malformed) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next() else { throw Malformed() }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Malformed()
            }
            value = value << 4 | digit
        }
        return value
    }

    private func makeString(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> String {
        guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            throw Malformed()
        }
        return text
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(Malformed) -> WireValue {
        let start = position
        let negative = peek() == UInt8(ascii: "-")
        if negative { position += 1 }
        guard let firstDigit = peek(), isDigit(firstDigit) else { throw Malformed() }
        var magnitude: UInt64 = 0
        var overflowed = false
        if firstDigit == UInt8(ascii: "0") {
            position += 1
            if let following = peek(), isDigit(following) { throw Malformed() }
        } else {
            while let byte = peek(), isDigit(byte) {
                let (multiplied, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (added, overflowB) = multiplied.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                overflowed = overflowed || overflowA || overflowB
                magnitude = added
                position += 1
            }
        }
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            try skipDigits()
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            try skipDigits()
        }
        if isInteger && !overflowed {
            if negative && magnitude <= UInt64(Int64.max) + 1 {
                return .integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
            }
            if !negative && magnitude <= UInt64(Int64.max) {
                return .integer(Int64(magnitude))
            }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Malformed() }
        return .double(value)
    }

    /// One or more digits, as a fraction and an exponent require.
    private mutating func skipDigits() throws(Malformed) {
        guard let first = peek(), isDigit(first) else { throw Malformed() }
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Bytes

    private func peek() -> UInt8? { position < input.count ? input[position] : nil }

    private mutating func next() -> UInt8? {
        guard position < input.count else { return nil }
        defer { position += 1 }
        return input[position]
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard next() == byte else { throw Malformed() }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Malformed) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= input.count else { throw Malformed() }
        let matches = literal.withUTF8Buffer { expected in
            expected.elementsEqual(UnsafeRawBufferPointer(rebasing: input[position..<position + count]))
        }
        guard matches else { throw Malformed() }
        position += count
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            position += 1
        }
    }
}
