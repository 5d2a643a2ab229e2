/// Reads the `AggregatedRecord` message into user records, resolving table indices and checking that each
/// record has the fields the definition requires.
enum AggregateMessage {
    /// A `Record` as read, before its indices are resolved against the tables (which may come after it).
    private struct RawRecord {
        var partitionKeyIndex: UInt64
        var explicitHashKeyIndex: UInt64?
        var data: [UInt8]
    }

    static func read(_ reader: ProtobufReader) throws(ProtobufReadError) -> [DeaggregatedRecord] {
        var reader = reader
        var partitionKeys: [String] = []
        var explicitHashKeys: [String] = []
        var rawRecords: [RawRecord] = []
        while let field = try reader.next() {
            switch field {
            case .lengthDelimited(AggregatedRecordFormat.partitionKeyTableField, let payload):
                partitionKeys.append(try reader.string(payload))
            case .lengthDelimited(AggregatedRecordFormat.explicitHashKeyTableField, let payload):
                explicitHashKeys.append(try reader.string(payload))
            case .lengthDelimited(AggregatedRecordFormat.recordsField, let payload):
                rawRecords.append(try readRecord(reader.nested(payload)))
            case .varint(let number, _), .lengthDelimited(let number, _), .fixed(let number):
                guard number > AggregatedRecordFormat.recordsField else {
                    throw ProtobufReadError("field \(number) of AggregatedRecord has the wrong wire type")
                }
            }
        }
        var records: [DeaggregatedRecord] = []
        records.reserveCapacity(rawRecords.count)
        for (index, raw) in rawRecords.enumerated() {
            guard raw.partitionKeyIndex < UInt64(partitionKeys.count) else {
                throw ProtobufReadError(
                    "record \(index) names partition key \(raw.partitionKeyIndex) of \(partitionKeys.count)")
            }
            var explicitHashKey: String?
            if let hashKeyIndex = raw.explicitHashKeyIndex {
                guard hashKeyIndex < UInt64(explicitHashKeys.count) else {
                    throw ProtobufReadError(
                        "record \(index) names explicit hash key \(hashKeyIndex) of \(explicitHashKeys.count)")
                }
                explicitHashKey = explicitHashKeys[Int(hashKeyIndex)]
            }
            records.append(
                DeaggregatedRecord(
                    partitionKey: partitionKeys[Int(raw.partitionKeyIndex)], explicitHashKey: explicitHashKey,
                    data: raw.data, subSequenceNumber: Int64(index)))
        }
        return records
    }

    private static func readRecord(_ reader: ProtobufReader) throws(ProtobufReadError) -> RawRecord {
        var reader = reader
        var partitionKeyIndex: UInt64?
        var explicitHashKeyIndex: UInt64?
        var data: [UInt8]?
        while let field = try reader.next() {
            switch field {
            case .varint(AggregatedRecordFormat.partitionKeyIndexField, let value):
                partitionKeyIndex = value
            case .varint(AggregatedRecordFormat.explicitHashKeyIndexField, let value):
                explicitHashKeyIndex = value
            case .lengthDelimited(AggregatedRecordFormat.dataField, let payload):
                data = reader.bytes(payload)
            case .lengthDelimited(AggregatedRecordFormat.tagsField, let payload):
                // Tags are checked for shape but not returned: nothing downstream reads them.
                try checkTag(reader.nested(payload))
            case .varint(let number, _), .lengthDelimited(let number, _), .fixed(let number):
                guard number > AggregatedRecordFormat.tagsField else {
                    throw ProtobufReadError("field \(number) of Record has the wrong wire type")
                }
            }
        }
        guard let partitionKeyIndex else { throw ProtobufReadError("a record has no partition_key_index") }
        guard let data else { throw ProtobufReadError("a record has no data") }
        return RawRecord(partitionKeyIndex: partitionKeyIndex, explicitHashKeyIndex: explicitHashKeyIndex, data: data)
    }

    private static func checkTag(_ reader: ProtobufReader) throws(ProtobufReadError) {
        var reader = reader
        var hasKey = false
        while let field = try reader.next() {
            switch field {
            case .lengthDelimited(AggregatedRecordFormat.tagKeyField, let payload):
                _ = try reader.string(payload)
                hasKey = true
            case .lengthDelimited(2, let payload):
                _ = try reader.string(payload)
            case .varint(let number, _), .lengthDelimited(let number, _), .fixed(let number):
                guard number > 2 else { throw ProtobufReadError("field \(number) of Tag has the wrong wire type") }
            }
        }
        guard hasKey else { throw ProtobufReadError("a tag has no key") }
    }
}
