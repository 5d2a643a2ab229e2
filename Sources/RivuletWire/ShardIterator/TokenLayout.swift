/// The plaintext layout of sealed tokens: a version byte, fixed-width big-endian integers, and strings prefixed
/// with a one-byte length.
struct TokenWriter {
    private(set) var bytes: [UInt8] = []

    init(version: UInt8) {
        bytes.append(version)
    }

    mutating func integer(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func integer(_ value: Int64) { integer(UInt64(bitPattern: value)) }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        precondition(utf8.count <= Int(UInt8.max), "token strings are at most 255 bytes: \(text)")
        bytes.append(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what `TokenWriter` wrote; any shortfall or excess reads as nil.
struct TokenReader {
    private let bytes: [UInt8]
    private var offset = 0

    /// Nil unless the first byte is `version`.
    init?(_ bytes: [UInt8], version: UInt8) {
        guard bytes.first == version else { return nil }
        self.bytes = bytes
        offset = 1
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func unsignedInteger() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        defer { offset += 8 }
        return bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func integer() -> Int64? {
        unsignedInteger().map { Int64(bitPattern: $0) }
    }

    mutating func string() -> String? {
        guard offset < bytes.count else { return nil }
        let count = Int(bytes[offset])
        guard offset + 1 + count <= bytes.count else { return nil }
        defer { offset += 1 + count }
        return String(validating: bytes[(offset + 1)..<(offset + 1 + count)], as: UTF8.self)
    }
}
