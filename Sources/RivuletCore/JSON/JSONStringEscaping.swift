/// Escapes JSON strings, the one way every JSON writer of the project does: `"`, `\`, and the control characters
/// below U+0020 (`\b \t \n \f \r` short, the rest as `\u00XX` with upper-case hex); everything else, DEL and
/// non-ASCII included, is written as is. That is Jackson's output, which the agent must match byte for byte.
///
/// From bytes that may not be UTF-8 (a tailed file's line), ill-formed sequences are replaced one maximal subpart at
/// a time with U+FFFD, as Java's decoder does before Jackson sees the text. A `String` is always well formed.
public enum JSONStringEscaping {
    /// The most bytes one input byte can become (`\u00XX`), for sizing output buffers.
    public static let bytesPerInputByteMax = 6

    /// UTF-8 of U+FFFD, which Java's decoder puts in place of ill-formed input.
    public static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    @usableFromInline
    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `text` to `bytes` in double quotes, escaped. Runs of characters that need no escape are copied whole,
    /// so a key or a sequence number costs one copy.
    @inlinable
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var copiedUpTo = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copiedUpTo..<index]))
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytesPerInputByteMax) { escape in
                    var length = 0
                    writeEscape(for: byte, into: escape.baseAddress!, position: &length)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: escape[..<length]))
                }
                copiedUpTo = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copiedUpTo...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes `input[range]` into `output` from `position`, which it advances. `output` must have room for
    /// `range.count * bytesPerInputByteMax` bytes.
    @inlinable @inline(__always)
    public static func writeEscaped(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        into output: UnsafeMutablePointer<UInt8>, position: inout Int
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = input[index]
            if byte >= 0x80 {
                index = copyUTF8Sequence(input, from: index, end: end, into: output, position: &position)
                continue
            }
            index += 1
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                output[position] = byte
                position += 1
                continue
            }
            writeEscape(for: byte, into: output, position: &position)
        }
    }

    /// Copies a well-formed UTF-8 byte sequence as it is; replaces the other bytes, one ill-formed sequence at a
    /// time, and `input` of only ASCII and well-formed sequences comes out identical. Returns the next index.
    @inlinable @inline(__always)
    public static func copyUTF8Sequence(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, end: Int,
        into output: UnsafeMutablePointer<UInt8>, position: inout Int
    ) -> Int {
        let length = wellFormedLength(input, from: start, end: end)
        if length > 0 {
            for offset in 0..<length { output[position + offset] = input[start + offset] }
            position += length
            return start + length
        }
        for byte in replacementCharacter {
            output[position] = byte
            position += 1
        }
        return start + illFormedLength(input, from: start, end: end)
    }

    @inlinable
    static func writeEscape(for byte: UInt8, into output: UnsafeMutablePointer<UInt8>, position: inout Int) {
        output[position] = UInt8(ascii: "\\")
        let short: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case 0x08: UInt8(ascii: "b")
            case 0x09: UInt8(ascii: "t")
            case 0x0A: UInt8(ascii: "n")
            case 0x0C: UInt8(ascii: "f")
            case 0x0D: UInt8(ascii: "r")
            default: nil
            }
        if let short {
            output[position + 1] = short
            position += 2
            return
        }
        output[position + 1] = UInt8(ascii: "u")
        output[position + 2] = UInt8(ascii: "0")
        output[position + 3] = UInt8(ascii: "0")
        output[position + 4] = hexDigits[Int(byte >> 4)]
        output[position + 5] = hexDigits[Int(byte & 0x0F)]
        position += 6
    }

    /// The length of the well-formed sequence starting at `start` (a byte of 0x80 or more), or 0 when there is none.
    @inlinable @inline(__always)
    public static func wellFormedLength(_ input: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        let lead = input[start]
        let (length, secondLow, secondHigh) = sequenceShape(lead: lead)
        guard length > 0, start + length <= end else { return 0 }
        let second = input[start + 1]
        guard second >= secondLow && second <= secondHigh else { return 0 }
        for offset in 2..<max(length, 2) where !isContinuation(input[start + offset]) { return 0 }
        return length
    }

    /// How many bytes one U+FFFD replaces: the longest prefix of a valid sequence that is there (at least 1).
    @inlinable @inline(__always)
    public static func illFormedLength(_ input: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        let (length, secondLow, secondHigh) = sequenceShape(lead: input[start])
        guard length > 0, start + 1 < end else { return 1 }
        let second = input[start + 1]
        guard second >= secondLow && second <= secondHigh else { return 1 }
        var consumed = 2
        while consumed < length && start + consumed < end && isContinuation(input[start + consumed]) {
            consumed += 1
        }
        return consumed
    }

    @inlinable @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The sequence length a lead byte announces and the range allowed for the second byte (which rules out
    /// overlong forms, surrogates and code points above U+10FFFF); length 0 for a byte that cannot lead.
    @inlinable @inline(__always)
    static func sequenceShape(lead: UInt8) -> (length: Int, secondLow: UInt8, secondHigh: UInt8) {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: (0, 0, 0)
        }
    }
}
