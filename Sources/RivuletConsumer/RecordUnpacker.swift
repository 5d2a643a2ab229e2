import RivuletAggregation
import RivuletWire

/// Turns the Kinesis records of one GetRecords answer into user records: KPL aggregates are opened, anything else
/// passes through as it came. A record that carries the aggregate magic but fails its digest or parse is passed
/// through raw, as the KCL does, so nothing the stream holds is dropped.
struct RecordUnpacker {
    private(set) var corruptAggregates = 0

    mutating func unpack(_ records: [Record]) -> [ConsumerRecord] {
        var unpacked: [ConsumerRecord] = []
        unpacked.reserveCapacity(records.count)
        for record in records {
            let arrival = record.approximateArrivalTimestamp?.epochMilliseconds
            switch AggregatedRecordFormat.deaggregate(record.data) {
            case .aggregated(let userRecords):
                for userRecord in userRecords {
                    unpacked.append(
                        ConsumerRecord(
                            sequenceNumber: record.sequenceNumber, subSequenceNumber: userRecord.subSequenceNumber,
                            partitionKey: userRecord.partitionKey, explicitHashKey: userRecord.explicitHashKey,
                            data: userRecord.data, approximateArrivalEpochMilliseconds: arrival, isAggregated: true))
                }
            case .corrupt:
                corruptAggregates += 1
                unpacked.append(Self.raw(record, arrival: arrival))
            case .notAggregated:
                unpacked.append(Self.raw(record, arrival: arrival))
            }
        }
        return unpacked
    }

    private static func raw(_ record: Record, arrival: Int64?) -> ConsumerRecord {
        ConsumerRecord(
            sequenceNumber: record.sequenceNumber, partitionKey: record.partitionKey, data: record.data,
            approximateArrivalEpochMilliseconds: arrival)
    }
}
