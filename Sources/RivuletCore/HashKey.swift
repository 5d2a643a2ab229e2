import Crypto

/// A 128-bit hash key: where a record falls in a stream's key space.
public enum HashKey {
    public static let maximum = UInt128.max

    /// The hash key of a partition key: the MD5 of its UTF-8 bytes read as an unsigned big-endian 128-bit integer.
    public static func of(partitionKey: String) -> UInt128 {
        let digest = Insecure.MD5.hash(data: Array(partitionKey.utf8))
        var value: UInt128 = 0
        for byte in digest {
            value = (value << 8) | UInt128(byte)
        }
        return value
    }

    /// Parses an ExplicitHashKey: a decimal string in [0, 2^128 - 1] with no sign, spaces or other characters.
    public static func parse(decimal text: String) -> UInt128? {
        guard !text.isEmpty, text.utf8.count <= 39, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt128(text)
    }
}
