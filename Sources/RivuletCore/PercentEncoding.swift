/// Percent-encoding of URI components (RFC 3986): every byte outside `A-Z a-z 0-9 - . _ ~` becomes `%XX` with
/// upper-case hex digits, as SigV4 canonicalises URIs and as S3 keys and route parameters are written.
public enum PercentEncoding {
    public static func encode(_ text: some StringProtocol, keepingSlashes: Bool = false) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(upperHexDigits[Int(byte >> 4)])
                encoded.append(upperHexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; a `%` not followed by two hex digits is kept as it is (a signer saw it so), and
    /// bytes that are not UTF-8 become U+FFFD.
    public static func decode(_ text: some StringProtocol) -> String {
        String(decoding: decodeBytes(text, strict: false) ?? [], as: UTF8.self)
    }

    /// Decodes `%XX` escapes, or nil when a `%` is not followed by two hex digits or the result is not UTF-8.
    public static func decodeStrictly(_ text: some StringProtocol) -> String? {
        decodeBytes(text, strict: true).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private static func decodeBytes(_ text: some StringProtocol, strict: Bool) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else if strict {
                return nil
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
