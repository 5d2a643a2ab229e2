/// Reads JSON tokens from UTF-8 bytes: whitespace and comments, strings, numbers and literals. Shared by the
/// document parser (which builds values) and the record field scanner (which mostly skips them).
struct JSONByteCursor {
    let bytes: [UInt8]
    var index: Int
    /// `//` line and `/* */` block comments, as Jackson's ALLOW_COMMENTS, which the Kinesis Agent turns on.
    let allowsComments: Bool
    /// Where the text starts, after a byte order mark if there is one.
    private let contentStart: Int

    init(bytes: [UInt8], allowsComments: Bool) {
        self.bytes = bytes
        self.allowsComments = allowsComments
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.contentStart = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        self.index = contentStart
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the cursor; nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() {
        index += 1
    }

    /// Moves past the expected byte, or fails naming what was expected.
    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        guard current == byte else { throw unexpected(expecting: what) }
        index += 1
    }

    /// Skips whitespace and, when allowed, comments.
    mutating func skipInsignificant() throws(JSONParseError) {
        while let byte = current {
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            case UInt8(ascii: "/") where allowsComments:
                try skipComment()
            default:
                return
            }
        }
    }

    private mutating func skipComment() throws(JSONParseError) {
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
    mutating func expectLiteral(_ word: String) throws(JSONParseError) {
        let start = index
        for byte in word.utf8 {
            guard current == byte else { throw error("expected \(word)", at: start) }
            index += 1
        }
    }

    /// Reads a number and returns its text exactly as written, after checking JSON's grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumberText() throws(JSONParseError) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
            if let byte = current, Self.isDigit(byte) {
                throw error("a number does not start with 0 followed by digits", at: start)
            }
        } else {
            try skipDigits(start: start)
        }
        if current == UInt8(ascii: ".") {
            index += 1
            try skipDigits(start: start)
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try skipDigits(start: start)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits(start: Int) throws(JSONParseError) {
        guard let first = current, Self.isDigit(first) else { throw unexpected(expecting: "a digit") }
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// An error for the byte at the cursor (or the end), saying what was expected there.
    func unexpected(expecting what: String) -> JSONParseError {
        guard let byte = current else { return error("the document ends where \(what) was expected") }
        return error("expected \(what), found \(Self.describe(byte))")
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    /// An error at `offset` (the cursor by default), with its line and column, counted only now: errors are rare.
    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let end = max(min(offset ?? index, bytes.count), contentStart)
        var line = 1
        var column = 1
        for byte in bytes[contentStart..<end] {
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
