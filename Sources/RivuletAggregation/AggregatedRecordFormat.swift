import Crypto

/// The KPL's aggregated record: four magic bytes, an `AggregatedRecord` protocol buffer message, and the MD5 of
/// that message.
///
///     message AggregatedRecord { repeated string partition_key_table = 1; repeated string explicit_hash_key_table = 2;
///                                repeated Record records = 3; }
///     message Record { required uint64 partition_key_index = 1; optional uint64 explicit_hash_key_index = 2;
///                      required bytes data = 3; repeated Tag tags = 4; }
///     message Tag { required string key = 1; optional string value = 2; }
public enum AggregatedRecordFormat {
    public static let magic: [UInt8] = [0xF3, 0x89, 0x9A, 0xC2]
    static let digestBytes = 16

    // Field numbers, as the message definitions above give them.
    static let partitionKeyTableField: UInt64 = 1
    static let explicitHashKeyTableField: UInt64 = 2
    static let recordsField: UInt64 = 3
    static let partitionKeyIndexField: UInt64 = 1
    static let explicitHashKeyIndexField: UInt64 = 2
    static let dataField: UInt64 = 3
    static let tagsField: UInt64 = 4
    static let tagKeyField: UInt64 = 1

    /// Opens `data` if it is an aggregate. Unknown fields are skipped, so newer writers stay readable.
    public static func deaggregate(_ data: [UInt8]) -> Deaggregation {
        guard data.count >= magic.count + digestBytes, data.starts(with: magic) else { return .notAggregated }
        return data.withUnsafeBytes { bytes in
            let message = magic.count..<(bytes.count - digestBytes)
            let digest = Insecure.MD5.hash(data: UnsafeRawBufferPointer(rebasing: bytes[message]))
            guard digest.elementsEqual(bytes[message.upperBound...]) else {
                return .corrupt(reason: "the MD5 digest does not match the message")
            }
            do throws(ProtobufReadError) {
                return .aggregated(try AggregateMessage.read(ProtobufReader(bytes, range: message)))
            } catch {
                return .corrupt(reason: error.reason)
            }
        }
    }
}
