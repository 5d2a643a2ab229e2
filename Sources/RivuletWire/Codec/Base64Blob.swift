import RivuletCore

/// Standard base64 (RFC 4648 with padding), as JSON carries blobs. Decoding is strict like the service's: only the
/// canonical encoding of some bytes is accepted, and a refusal names the first fault the way AWS words it.
enum Base64Blob {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let invalid: UInt8 = 0xFF
    private static let padding = UInt8(ascii: "=")

    /// Each byte's 6-bit value, or `invalid`.
    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    static func encodedCount(_ byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    /// Appends the encoding of `data` to `output`, writing in place after one growth of the array.
    static func encode(_ data: [UInt8], appendingTo output: inout [UInt8]) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: encodedCount(data.count)))
        data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { buffer in
                alphabet.withUnsafeBufferPointer { alphabet in
                    var write = start
                    var read = 0
                    while read + 3 <= input.count {
                        let group = UInt32(input[read]) << 16 | UInt32(input[read + 1]) << 8 | UInt32(input[read + 2])
                        buffer[write] = alphabet[Int(group >> 18)]
                        buffer[write + 1] = alphabet[Int(group >> 12 & 0x3F)]
                        buffer[write + 2] = alphabet[Int(group >> 6 & 0x3F)]
                        buffer[write + 3] = alphabet[Int(group & 0x3F)]
                        read += 3
                        write += 4
                    }
                    let remaining = input.count - read
                    guard remaining > 0 else { return }
                    let second = remaining == 2 ? UInt32(input[read + 1]) : 0
                    let group = UInt32(input[read]) << 16 | second << 8
                    buffer[write] = alphabet[Int(group >> 18)]
                    buffer[write + 1] = alphabet[Int(group >> 12 & 0x3F)]
                    buffer[write + 2] = remaining == 2 ? alphabet[Int(group >> 6 & 0x3F)] : padding
                    buffer[write + 3] = padding
                }
            }
        }
    }

    static func encode(_ data: [UInt8]) -> String {
        var output: [UInt8] = []
        encode(data, appendingTo: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a blob member; a refusal is the SerializationException AWS sends for it.
    static func decode(_ text: String) throws(KinesisError) -> [UInt8] {
        guard let bytes = decodeCanonical(text) else {
            throw KinesisError(.serializationException, "'\(EchoedValue.cut(text))' can not be converted to a Blob: \(fault(in: text))")
        }
        return bytes
    }

    /// The decoded bytes when `text` is the canonical encoding of some bytes, else nil. One pass, no diagnosis.
    static func decodeCanonical(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count % 4 == 0 else { return nil }
            guard input.count > 0 else { return [] }
            let paddingCount = input[input.count - 1] != padding ? 0 : input[input.count - 2] != padding ? 1 : 2
            let decodedCount = input.count / 4 * 3 - paddingCount
            return sextets.withUnsafeBufferPointer { sextets -> [UInt8]? in
                var valid = true
                let output = [UInt8](unsafeUninitializedCapacity: decodedCount) { output, initialized in
                    var read = 0
                    var write = 0
                    let fullGroupsEnd = paddingCount == 0 ? input.count : input.count - 4
                    while read < fullGroupsEnd {
                        let a = sextets[Int(input[read])], b = sextets[Int(input[read + 1])]
                        let c = sextets[Int(input[read + 2])], d = sextets[Int(input[read + 3])]
                        if (a | b | c | d) == invalid { valid = false; break }
                        let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        output[write] = UInt8(truncatingIfNeeded: group >> 16)
                        output[write + 1] = UInt8(truncatingIfNeeded: group >> 8)
                        output[write + 2] = UInt8(truncatingIfNeeded: group)
                        read += 4
                        write += 3
                    }
                    if valid && paddingCount > 0 {
                        let a = sextets[Int(input[read])], b = sextets[Int(input[read + 1])]
                        let c = paddingCount == 1 ? sextets[Int(input[read + 2])] : 0
                        // The bits below the last byte must be zero, or two encodings would decode alike.
                        let unusedBits = paddingCount == 1 ? c & 0x03 : b & 0x0F
                        if (a | b | c) == invalid || unusedBits != 0 {
                            valid = false
                        } else {
                            output[write] = a << 2 | b >> 4
                            if paddingCount == 1 { output[write + 1] = b << 4 | c >> 2 }
                        }
                    }
                    initialized = valid ? decodedCount : 0
                }
                return valid ? output : nil
            }
        }
    }

    /// The first fault of a non-canonical encoding, checked in the service's order: length, then characters (a pad
    /// counts as a bad character unless only pads follow it), then the bits of the last character.
    private static func fault(in text: String) -> String {
        let length = text.utf16.count
        guard length % 4 == 0 else {
            return "Base64 encoded length is expected a multiple of 4 bytes but found: \(length)"
        }
        var previousWasPadding = false
        for character in text.unicodeScalars {
            let isAlphabet = character.isASCII && sextets[Int(character.value)] != invalid
            if previousWasPadding && character != "=" {
                return "Invalid Base64 character: '='"
            }
            if !isAlphabet && character != "=" {
                return "Invalid Base64 character: '\(character)'"
            }
            previousWasPadding = character == "="
        }
        return "Invalid last non-pad Base64 character dectected"
    }
}
