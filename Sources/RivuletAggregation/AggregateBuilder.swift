import Crypto
import RivuletCore

/// Accumulates user records into one aggregated Kinesis record, encoding each as it arrives so that the size of
/// the result is always known exactly: the producer asks whether one more record still fits in O(1).
///
/// Partition keys and explicit hash keys are stored once each in the message's tables. The aggregate travels under
/// the partition key "a" with, as explicit hash key, the hash key of its first record, so it lands on the shard
/// its records were predicted for. An aggregate of one record is better sent as that record, raw.
public struct AggregateBuilder: Sendable {
    /// The partition key every aggregate is put with; the explicit hash key decides its shard.
    public static let aggregatePartitionKey = "a"

    private var partitionKeyIndices: [String: UInt64] = [:]
    private var explicitHashKeyIndices: [String: UInt64] = [:]
    private var partitionKeyTable: [UInt8] = []
    private var explicitHashKeyTable: [UInt8] = []
    private var recordBytes: [UInt8] = []
    private var firstHashKey: UInt128?
    public private(set) var count = 0

    public init() {}

    /// A builder whose key tables are sized for `count` records up front, so that filling it does not rehash.
    public init(reservingCapacity count: Int) {
        partitionKeyIndices.reserveCapacity(count)
    }

    public var isEmpty: Bool { count == 0 }

    /// Bytes `encode()` returns now: magic, message and digest.
    public var encodedSizeBytes: Int {
        AggregatedRecordFormat.magic.count + messageSizeBytes + AggregatedRecordFormat.digestBytes
    }

    private var messageSizeBytes: Int {
        partitionKeyTable.count + explicitHashKeyTable.count + recordBytes.count
    }

    /// Bytes `encode()` would return after `append(record)`.
    public func encodedSizeBytes(adding record: UserRecord) -> Int {
        encodedSizeBytes + growthBytes(adding: record)
    }

    /// The aggregate's explicit hash key: the first record's hash key, in decimal; nil while empty.
    public var explicitHashKey: String? {
        firstHashKey.map { String($0) }
    }

    /// The first record's hash key: where the aggregate will be routed; nil while empty.
    public var hashKey: UInt128? { firstHashKey }

    /// Adds `record`. `hashKey`, when the caller has already computed the record's hash key, saves computing it
    /// again; only the first record's is used.
    public mutating func append(_ record: UserRecord, hashKey: UInt128? = nil) {
        _ = append(record, hashKey: hashKey, ifEncodedSizeAtMost: .max)
    }

    /// Adds `record` if the aggregate stays within `encodedSizeBytesMax` bytes and returns true; otherwise leaves
    /// the builder as it was and returns false. One lookup of the partition key serves both the check and the
    /// append, which is what the producer does for every record.
    public mutating func append(
        _ record: UserRecord, hashKey: UInt128? = nil, ifEncodedSizeAtMost encodedSizeBytesMax: Int
    ) -> Bool {
        let nextIndex = UInt64(partitionKeyIndices.count)
        let partitionKeyIndex = partitionKeyIndices[record.partitionKey, default: nextIndex]
        let newKey = partitionKeyIndex == nextIndex
        var growth = newKey
            ? ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: record.partitionKey.utf8.count) : 0
        var explicitHashKeyIndex: UInt64?
        if let explicitHashKey = record.explicitHashKey {
            if let existing = explicitHashKeyIndices[explicitHashKey] {
                explicitHashKeyIndex = existing
            } else {
                explicitHashKeyIndex = UInt64(explicitHashKeyIndices.count)
                growth += ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: explicitHashKey.utf8.count)
            }
        }
        let bodyBytes = Self.recordBodySizeBytes(
            partitionKeyIndex: partitionKeyIndex, explicitHashKeyIndex: explicitHashKeyIndex,
            dataBytes: record.data.count)
        growth += ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: bodyBytes)
        guard isEmpty || encodedSizeBytes + growth <= encodedSizeBytesMax else { return false }
        if firstHashKey == nil {
            firstHashKey = hashKey ?? HashKey.routing(partitionKey: record.partitionKey, explicitHashKey: record.explicitHashKey)
        }
        if newKey {
            partitionKeyIndices[record.partitionKey] = partitionKeyIndex
            ProtobufWriter.appendStringField(
                AggregatedRecordFormat.partitionKeyTableField, record.partitionKey, to: &partitionKeyTable)
        }
        if let explicitHashKey = record.explicitHashKey, let explicitHashKeyIndex,
            explicitHashKeyIndex == UInt64(explicitHashKeyIndices.count)
        {
            explicitHashKeyIndices[explicitHashKey] = explicitHashKeyIndex
            ProtobufWriter.appendStringField(
                AggregatedRecordFormat.explicitHashKeyTableField, explicitHashKey, to: &explicitHashKeyTable)
        }
        ProtobufWriter.appendKey(field: AggregatedRecordFormat.recordsField, .lengthDelimited, to: &recordBytes)
        ProtobufWriter.appendVarint(UInt64(bodyBytes), to: &recordBytes)
        ProtobufWriter.appendVarintField(AggregatedRecordFormat.partitionKeyIndexField, partitionKeyIndex, to: &recordBytes)
        if let explicitHashKeyIndex {
            ProtobufWriter.appendVarintField(
                AggregatedRecordFormat.explicitHashKeyIndexField, explicitHashKeyIndex, to: &recordBytes)
        }
        ProtobufWriter.appendBytesField(AggregatedRecordFormat.dataField, record.data, to: &recordBytes)
        count += 1
        return true
    }

    /// The aggregated record's data: magic, message, MD5 of the message.
    public func encode() -> [UInt8] {
        precondition(count > 0, "an empty aggregate has nothing to send")
        var encoded: [UInt8] = []
        encoded.reserveCapacity(encodedSizeBytes)
        encoded.append(contentsOf: AggregatedRecordFormat.magic)
        encoded.append(contentsOf: partitionKeyTable)
        encoded.append(contentsOf: explicitHashKeyTable)
        encoded.append(contentsOf: recordBytes)
        let digest = encoded.withUnsafeBytes { bytes in
            Insecure.MD5.hash(data: UnsafeRawBufferPointer(rebasing: bytes[AggregatedRecordFormat.magic.count...]))
        }
        encoded.append(contentsOf: digest)
        return encoded
    }

    /// Empties the builder, keeping its buffers' capacity for the next aggregate.
    public mutating func removeAll() {
        partitionKeyIndices.removeAll(keepingCapacity: true)
        explicitHashKeyIndices.removeAll(keepingCapacity: true)
        partitionKeyTable.removeAll(keepingCapacity: true)
        explicitHashKeyTable.removeAll(keepingCapacity: true)
        recordBytes.removeAll(keepingCapacity: true)
        firstHashKey = nil
        count = 0
    }

    // MARK: Size accounting

    private func growthBytes(adding record: UserRecord) -> Int {
        var growth = 0
        let partitionKeyIndex: UInt64
        if let existing = partitionKeyIndices[record.partitionKey] {
            partitionKeyIndex = existing
        } else {
            partitionKeyIndex = UInt64(partitionKeyIndices.count)
            growth += ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: record.partitionKey.utf8.count)
        }
        var explicitHashKeyIndex: UInt64?
        if let explicitHashKey = record.explicitHashKey {
            if let existing = explicitHashKeyIndices[explicitHashKey] {
                explicitHashKeyIndex = existing
            } else {
                explicitHashKeyIndex = UInt64(explicitHashKeyIndices.count)
                growth += ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: explicitHashKey.utf8.count)
            }
        }
        let bodyBytes = Self.recordBodySizeBytes(
            partitionKeyIndex: partitionKeyIndex, explicitHashKeyIndex: explicitHashKeyIndex,
            dataBytes: record.data.count)
        return growth + ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: bodyBytes)
    }

    private static func recordBodySizeBytes(
        partitionKeyIndex: UInt64, explicitHashKeyIndex: UInt64?, dataBytes: Int
    ) -> Int {
        ProtobufWriter.varintFieldSizeBytes(partitionKeyIndex)
            + (explicitHashKeyIndex.map(ProtobufWriter.varintFieldSizeBytes) ?? 0)
            + ProtobufWriter.lengthDelimitedFieldSizeBytes(payloadBytes: dataBytes)
    }
}
