import Crypto
import RivuletCore

/// The hash key Kinesis routes a record by, computed without the intermediate array `HashKey.of` makes: the
/// producer takes one per record, so it sits on the hot path.
public enum RoutingHashKey {
    /// The MD5 of the partition key's UTF-8 bytes, read as a big-endian 128-bit integer (as `HashKey.of`).
    public static func of(partitionKey: String) -> UInt128 {
        var key = partitionKey
        let digest = key.withUTF8 { Insecure.MD5.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.withUnsafeBytes { UInt128(bigEndian: $0.loadUnaligned(as: UInt128.self)) }
    }

    /// The record's explicit hash key when it has one that parses, else its partition key's MD5.
    public static func of(_ record: UserRecord) -> UInt128 {
        if let explicitHashKey = record.explicitHashKey, let parsed = HashKey.parse(decimal: explicitHashKey) {
            return parsed
        }
        return of(partitionKey: record.partitionKey)
    }
}
