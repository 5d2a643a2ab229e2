/// Reads protocol buffer fields from a byte range, checking every length against what is left. Any malformation
/// is reported as a `ProtobufReadError`, never a crash: the bytes come from a stream anyone may write to.
struct ProtobufReader {
    /// A field as read: its number and its value, by wire type.
    enum Field {
        case varint(number: UInt64, value: UInt64)
        case lengthDelimited(number: UInt64, payload: Range<Int>)
        /// A fixed-width field: nothing in the format uses one, so only its number is kept.
        case fixed(number: UInt64)
    }

    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private let end: Int

    init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the buffer")
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    /// The next field, or nil at the end of the range.
    mutating func next() throws(ProtobufReadError) -> Field? {
        guard position < end else { return nil }
        let key = try readVarint()
        let number = key >> 3
        guard number > 0 else { throw ProtobufReadError("field number 0") }
        switch key & 7 {
        case ProtobufWireType.varint.rawValue:
            return .varint(number: number, value: try readVarint())
        case ProtobufWireType.lengthDelimited.rawValue:
            let length = try readVarint()
            guard length <= UInt64(end - position) else {
                throw ProtobufReadError("field \(number) claims \(length) bytes; \(end - position) remain")
            }
            let start = position
            position += Int(length)
            return .lengthDelimited(number: number, payload: start..<position)
        case ProtobufWireType.fixed64.rawValue:
            try skip(8, field: number)
            return .fixed(number: number)
        case ProtobufWireType.fixed32.rawValue:
            try skip(4, field: number)
            return .fixed(number: number)
        default:
            throw ProtobufReadError("field \(number) has unsupported wire type \(key & 7)")
        }
    }

    private mutating func skip(_ count: Int, field number: UInt64) throws(ProtobufReadError) {
        guard end - position >= count else { throw ProtobufReadError("field \(number) is cut short") }
        position += count
    }

    private mutating func readVarint() throws(ProtobufReadError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = bytes[position]
            position += 1
            // The tenth byte may carry only the top bit of a 64-bit value.
            guard shift < 63 || byte <= 1 else { throw ProtobufReadError("varint overflows 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw ProtobufReadError("varint cut short")
    }

    /// The text of a length-delimited payload, which must be valid UTF-8.
    func string(_ payload: Range<Int>) throws(ProtobufReadError) -> String {
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[payload]), as: UTF8.self) else {
            throw ProtobufReadError("a string is not valid UTF-8")
        }
        return text
    }

    func bytes(_ payload: Range<Int>) -> [UInt8] {
        Array(bytes[payload])
    }

    /// A reader over a nested message's bytes.
    func nested(_ payload: Range<Int>) -> ProtobufReader {
        ProtobufReader(bytes, range: payload)
    }
}

/// Why a protocol buffer message could not be read.
struct ProtobufReadError: Error, Equatable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
