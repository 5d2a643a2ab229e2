/// Reads JSON tokens from UTF-8 bytes: whitespace (and, when allowed, comments), strings, numbers and literals.
/// The one JSON reader of the project: the API's body parser, the agent's configuration parser and its record field
/// scanner each build what they need (a `WireValue`, a `JSONValue` that keeps number text, nothing at all) on it.
///
/// It reads a borrowed buffer, so it lives no longer than the closure that lent it. The methods on the per-byte
/// paths are inlinable: the API's body parser calls them from another module for every byte of every request.
public struct JSONReader {
    public let bytes: UnsafeRawBufferPointer
    /// The offset of the byte at the cursor.
    public var index: Int
    /// `//` line and `/* */` block comments, as Jackson's ALLOW_COMMENTS, which the Kinesis Agent turns on.
    public let allowsComments: Bool

    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer, allowsComments: Bool = false) {
        self.bytes = bytes
        self.index = 0
        self.allowsComments = allowsComments
    }

    @inlinable
    public var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the cursor; nil at the end.
    @inlinable
    public var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    @inlinable
    public mutating func advance() {
        index += 1
    }

    /// Moves past the expected byte, or fails naming what was expected.
    @inlinable
    public mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONParseError) {
        guard current == byte else { throw unexpected(expecting: what()) }
        index += 1
    }

    /// Skips whitespace and, when allowed, comments.
    @inlinable
    public mutating func skipInsignificant() throws(JSONParseError) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            case UInt8(ascii: "/") where allowsComments:
                try skipComment()
            default:
                return
            }
        }
    }

    @usableFromInline
    mutating func skipComment() throws(JSONParseError) {
        let start = index
        index += 1
        switch current {
        case UInt8(ascii: "/"):
            while let byte = current, byte != 0x0A { index += 1 }
        case UInt8(ascii: "*"):
            index += 1
            let star = UInt8(ascii: "*")
            let slash = UInt8(ascii: "/")
            while index + 1 < bytes.count, !(bytes[index] == star && bytes[index + 1] == slash) {
                index += 1
            }
            guard index + 1 < bytes.count else { throw error("the comment is not closed with */", at: start) }
            index += 2
        default:
            throw error("a comment starts with // or /*", at: start)
        }
    }

    /// Reads the word `true`, `false` or `null` whose first letter is at the cursor.
    @inlinable
    public mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let matches =
            index + count <= bytes.count
            && word.withUTF8Buffer { expected in
                expected.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]))
            }
        guard matches else { throw error("expected \(word)") }
        index += count
    }

    // MARK: Strings

    /// Reads the string whose opening quote is at the cursor and returns its decoded text. A string without escapes
    /// is made in one copy from the buffer.
    @inlinable
    public mutating func readString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeRawBufferPointer(rebasing: bytes[contentStart..<index])
                guard let text = String(validating: content.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        return try readEscapedString(start: start, contentStart: contentStart)
    }

    /// The rest of a string that has an escape (or a fault), from the byte that interrupted the fast path.
    @usableFromInline
    mutating func readEscapedString(start: Int, contentStart: Int) throws(JSONParseError) -> String {
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[contentStart..<index]))
        while true {
            guard let byte = current else { throw error("the string is not closed with \"", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
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
                index += 1
            }
        }
    }

    /// Moves past the string whose opening quote is at the cursor, checking its escapes but not building it.
    public mutating func skipString() throws(JSONParseError) {
        let start = index
        index += 1
        var unused: [UInt8] = []
        while true {
            guard let byte = current else { throw error("the string is not closed with \"", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                try readEscape(into: &unused)
                unused.removeAll(keepingCapacity: true)
            case 0x00..<0x20:
                throw error("a control character (\(Self.describe(byte))) must be escaped in a string")
            default:
                index += 1
            }
        }
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(JSONParseError) {
        let start = index
        index += 1
        guard let letter = current else { throw error("the string is not closed with \"", at: start) }
        index += 1
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
            index += 1
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

    // MARK: Numbers

    /// Reads a number after checking JSON's grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and
    /// returns where its text is and, for an integer that fits in 64 bits, its exact value.
    @inlinable
    public mutating func readNumber() throws(JSONParseError) -> JSONNumberToken {
        let start = index
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let firstDigit = current, Self.isDigit(firstDigit) else { throw unexpected(expecting: "a digit") }
        var magnitude: UInt64 = 0
        var overflowed = false
        if firstDigit == UInt8(ascii: "0") {
            index += 1
            if let following = current, Self.isDigit(following) {
                throw error("a number does not start with 0 followed by digits", at: start)
            }
        } else {
            while let byte = current, Self.isDigit(byte) {
                let (multiplied, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (added, overflowB) = multiplied.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                overflowed = overflowed || overflowA || overflowB
                magnitude = added
                index += 1
            }
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try skipDigits()
        }
        if let byte = current, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            try skipDigits()
        }
        var integer: Int64?
        if isInteger && !overflowed {
            if negative && magnitude <= UInt64(Int64.max) + 1 {
                integer = magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
            } else if !negative && magnitude <= UInt64(Int64.max) {
                integer = Int64(magnitude)
            }
        }
        return JSONNumberToken(range: start..<index, integer: integer)
    }

    /// One or more digits, as a fraction and an exponent require.
    @inlinable
    mutating func skipDigits() throws(JSONParseError) {
        guard let first = current, Self.isDigit(first) else { throw unexpected(expecting: "a digit") }
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    /// The text of the bytes in `range`, such as a number's literal.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    @inlinable
    public static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: Errors

    /// An error for the byte at the cursor (or the end), saying what was expected there.
    public func unexpected(expecting what: String) -> JSONParseError {
        guard let byte = current else { return error("the document ends where \(what) was expected") }
        return error("expected \(what), found \(Self.describe(byte))")
    }

    public static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    /// An error at `offset` (the cursor by default), with its line and column, counted only now: errors are rare.
    public func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let end = max(min(offset ?? index, bytes.count), 0)
        var line = 1
        var column = 1
        for byte in bytes[0..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(message: message, line: line, column: column)
    }
}

/// Where a number's text is, and its exact value when it is an integer that fits in 64 bits.
public struct JSONNumberToken: Sendable, Equatable {
    public var range: Range<Int>
    /// Set for a number written without fraction or exponent that fits in an `Int64`.
    public var integer: Int64?

    @inlinable
    public init(range: Range<Int>, integer: Int64?) {
        self.range = range
        self.integer = integer
    }
}
