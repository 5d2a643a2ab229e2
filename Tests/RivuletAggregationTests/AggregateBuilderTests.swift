import RivuletCore
import Testing

@testable import RivuletAggregation

@Suite struct AggregateBuilderTests {
    static let sampleRecords: [UserRecord] = [
        UserRecord(partitionKey: "alpha", data: Array("first".utf8)),
        UserRecord(partitionKey: "beta", explicitHashKey: "12345", data: []),
        UserRecord(partitionKey: "alpha", data: Array(repeating: 0xFF, count: 300)),
        UserRecord(partitionKey: "gamma-\u{00E9}\u{4E16}", explicitHashKey: "12345", data: [0, 1, 2]),
        UserRecord(partitionKey: "beta", explicitHashKey: "999", data: Array(repeating: 7, count: 20_000)),
    ]

    @Test func roundTripsRecordsInOrderWithSubSequenceNumbers() {
        var builder = AggregateBuilder()
        for record in Self.sampleRecords { builder.append(record) }
        let encoded = builder.encode()
        #expect(encoded.starts(with: AggregatedRecordFormat.magic))
        let expected = Self.sampleRecords.enumerated().map { index, record in
            DeaggregatedRecord(
                partitionKey: record.partitionKey, explicitHashKey: record.explicitHashKey, data: record.data,
                subSequenceNumber: Int64(index))
        }
        #expect(AggregatedRecordFormat.deaggregate(encoded) == .aggregated(expected))
    }

    @Test func sizeIsExactAfterEveryAppendAndPredictedBeforeIt() {
        var builder = AggregateBuilder()
        // Enough records that indices and lengths cross the one-byte varint boundary.
        for index in 0..<300 {
            let record = UserRecord(
                partitionKey: "key-\(index % 150)", explicitHashKey: index % 3 == 0 ? "\(index % 140)" : nil,
                data: Array(repeating: UInt8(index % 256), count: index))
            let predicted = builder.encodedSizeBytes(adding: record)
            builder.append(record)
            #expect(builder.encodedSizeBytes == predicted)
            #expect(builder.encode().count == predicted)
            #expect(builder.count == index + 1)
        }
    }

    @Test func encodesExactlyTheExpectedBytesForOneRecord() {
        var builder = AggregateBuilder()
        builder.append(UserRecord(partitionKey: "k", data: [0x41, 0x42]))
        // partition_key_table "k"; records { partition_key_index 0; data "AB" }
        let message: [UInt8] = [0x0A, 0x01, 0x6B, 0x1A, 0x06, 0x08, 0x00, 0x1A, 0x02, 0x41, 0x42]
        #expect(builder.encode() == AggregateFixtures.wrap(message))
    }

    @Test func storesEachPartitionKeyAndExplicitHashKeyOnce() {
        var builder = AggregateBuilder()
        for index in 0..<100 {
            builder.append(
                UserRecord(
                    partitionKey: index % 2 == 0 ? "partition-key-even" : "partition-key-odd",
                    explicitHashKey: "31415926535897932384626", data: [UInt8(index)]))
        }
        let encoded = builder.encode()
        #expect(occurrences(of: Array("partition-key-even".utf8), in: encoded) == 1)
        #expect(occurrences(of: Array("partition-key-odd".utf8), in: encoded) == 1)
        #expect(occurrences(of: Array("31415926535897932384626".utf8), in: encoded) == 1)
        guard case .aggregated(let records) = AggregatedRecordFormat.deaggregate(encoded) else {
            Issue.record("not an aggregate")
            return
        }
        #expect(records.count == 100)
        #expect(records[99].partitionKey == "partition-key-odd")
        #expect(records[98].explicitHashKey == "31415926535897932384626")
    }

    @Test func routesByTheFirstRecordsHashKey() {
        var builder = AggregateBuilder()
        #expect(builder.explicitHashKey == nil)
        builder.append(UserRecord(partitionKey: "first", data: [1]))
        builder.append(UserRecord(partitionKey: "second", data: [2]))
        #expect(builder.explicitHashKey == String(HashKey.of(partitionKey: "first")))
        #expect(AggregateBuilder.aggregatePartitionKey == "a")

        var explicit = AggregateBuilder()
        explicit.append(UserRecord(partitionKey: "first", explicitHashKey: "42", data: [1]))
        explicit.append(UserRecord(partitionKey: "second", data: [2]))
        #expect(explicit.explicitHashKey == "42")
        #expect(explicit.hashKey == 42)
    }

    @Test func removeAllStartsAFreshAggregate() {
        var builder = AggregateBuilder()
        builder.append(UserRecord(partitionKey: "old", data: [9, 9, 9]))
        builder.removeAll()
        #expect(builder.isEmpty)
        #expect(builder.explicitHashKey == nil)
        builder.append(UserRecord(partitionKey: "k", data: [0x41, 0x42]))
        let message: [UInt8] = [0x0A, 0x01, 0x6B, 0x1A, 0x06, 0x08, 0x00, 0x1A, 0x02, 0x41, 0x42]
        #expect(builder.encode() == AggregateFixtures.wrap(message))
    }

    private func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard haystack.count >= needle.count else { return 0 }
        return (0...(haystack.count - needle.count)).count { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
