/// Appends protocol buffer fields to a byte array: just the varint and length-delimited encodings the aggregate
/// format uses.
enum ProtobufWriter {
    /// Bytes a varint takes for `value`: seven bits per byte.
    @inline(__always)
    static func varintSizeBytes(_ value: UInt64) -> Int {
        // 64 - leadingZeroBitCount significant bits, at least one byte even for zero.
        let bits = 64 - (value | 1).leadingZeroBitCount
        return (bits + 6) / 7
    }

    @inline(__always)
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Bytes a length-delimited field of `length` payload bytes takes, key included, for fields numbered below 16
    /// (whose key is one byte).
    @inline(__always)
    static func lengthDelimitedFieldSizeBytes(payloadBytes length: Int) -> Int {
        1 + varintSizeBytes(UInt64(length)) + length
    }

    /// Bytes a varint field takes, key included, for fields numbered below 16.
    @inline(__always)
    static func varintFieldSizeBytes(_ value: UInt64) -> Int {
        1 + varintSizeBytes(value)
    }

    static func appendKey(field number: UInt64, _ wireType: ProtobufWireType, to bytes: inout [UInt8]) {
        appendVarint(wireType.key(field: number), to: &bytes)
    }

    static func appendVarintField(_ number: UInt64, _ value: UInt64, to bytes: inout [UInt8]) {
        appendKey(field: number, .varint, to: &bytes)
        appendVarint(value, to: &bytes)
    }

    static func appendBytesField(_ number: UInt64, _ payload: [UInt8], to bytes: inout [UInt8]) {
        appendKey(field: number, .lengthDelimited, to: &bytes)
        appendVarint(UInt64(payload.count), to: &bytes)
        bytes.append(contentsOf: payload)
    }

    static func appendStringField(_ number: UInt64, _ text: String, to bytes: inout [UInt8]) {
        appendKey(field: number, .lengthDelimited, to: &bytes)
        appendVarint(UInt64(text.utf8.count), to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}
