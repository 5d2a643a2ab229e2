import Crypto

/// A 128-bit hash key: where a record falls in a stream's key space.
public enum HashKey {
    public static let maximum = UInt128.max

    /// The hash key of a partition key: the MD5 of its UTF-8 bytes read as an unsigned big-endian 128-bit integer.
    /// Hashed straight from the string's storage: the producer takes one per record, so this is on its hot path.
    public static func of(partitionKey: String) -> UInt128 {
        var key = partitionKey
        let digest = key.withUTF8 { Insecure.MD5.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.withUnsafeBytes { UInt128(bigEndian: $0.loadUnaligned(as: UInt128.self)) }
    }

    /// The hash key a record is routed by on the client side: its explicit hash key when it has one that parses,
    /// else its partition key's. (The server refuses an explicit hash key that does not parse instead.)
    public static func routing(partitionKey: String, explicitHashKey: String?) -> UInt128 {
        if let explicitHashKey, let parsed = parse(decimal: explicitHashKey) { return parsed }
        return of(partitionKey: partitionKey)
    }

    /// Parses an ExplicitHashKey: a decimal string in [0, 2^128 - 1] with no sign, spaces or other characters.
    public static func parse(decimal text: String) -> UInt128? {
        guard !text.isEmpty, text.utf8.count <= 39, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt128(text)
    }
}
