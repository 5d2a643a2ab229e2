import Foundation
import RivuletCore
import Testing

@testable import RivuletStorage

/// The per-record "sealed" flag (data encrypted at rest by the server) is kept by both stores, across restarts and
/// crash recovery, and never disturbs a partition key's length.
@Suite struct SealedRecordStorageTests {
    /// Alternately sealed and plain records, the sealed ones with partition keys of the API's largest size.
    private func mixedRecords(_ numbers: Range<Int>) -> [AppendRecord] {
        numbers.map { number in
            var record = makeRecord(number, dataBytes: 24)
            if number % 2 == 0 {
                record.sealed = true
                record.partitionKey = String(repeating: "🙂", count: Limits.partitionKeyLengthMax)
            }
            return record
        }
    }

    private func flagged(_ records: [StoredRecord]) -> [AppendRecord] {
        records.map { AppendRecord(partitionKey: $0.partitionKey, data: $0.data, sealed: $0.sealed) }
    }

    @Test func theFlagSitsBesideTheLongestPartitionKeyInAFrame() throws {
        let records = mixedRecords(0..<4)
        #expect(records[0].partitionKey.utf8.count == 4 * Limits.partitionKeyLengthMax)
        var buffer: [UInt8] = []
        RecordFrame.append(firstPosition: 7, arrivalMilliseconds: 1, records: records, to: &buffer)
        try buffer.withUnsafeBytes { bytes in
            guard case .complete(let header) = RecordFrame.check(bytes) else {
                Issue.record("a frame of sealed records must check")
                return
            }
            var decoded: [AppendRecord] = []
            RecordFrame.forEachRecord(in: bytes, header) { _, key, data, sealed in
                decoded.append(
                    AppendRecord(partitionKey: String(decoding: key, as: UTF8.self), data: Array(data), sealed: sealed))
                return true
            }
            #expect(decoded == records)
            _ = try #require(decoded.first)
        }
    }

    @Test func partitionKeysCannotReachTheFlagBit() {
        #expect(Limits.partitionKeyBytesMax < Int(RecordFrame.sealedFlag))
        #expect(4 * Limits.partitionKeyLengthMax <= Limits.partitionKeyBytesMax)
    }

    @Test(arguments: StoreKind.allCases)
    func eachRecordKeepsItsFlag(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        let records = mixedRecords(0..<9)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: Array(records[0..<5]))])
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: Array(records[5...]))])
        #expect(flagged(try await store.readAll(descriptor.key, shardIndex: 0, pageRecords: 2)) == records)
        try await store.close()
    }

    @Test func theFlagSurvivesARestartAcrossClosedAndActiveSegments() async throws {
        let fixture = try StoreFixture(.file, configuration: StoreConfiguration(segmentBytesMax: 4096))
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        let records = mixedRecords(0..<40)
        for batch in stride(from: 0, to: records.count, by: 4) {
            _ = try await store.append(
                descriptor.key, [ShardAppend(shardIndex: 0, records: Array(records[batch..<(batch + 4)]))])
        }
        try await store.close()
        #expect(fixture.directory.files(endingWith: ".log").count > 2)

        store = try await fixture.openFileStore()
        #expect(flagged(try await store.readAll(descriptor.key, shardIndex: 0)) == records)
        try await store.close()
    }

    @Test func recoveryKeepsTheFlagsOfTheFramesBeforeATornOne() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        let records = mixedRecords(0..<6)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: Array(records[0..<3]))])
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: Array(records[3..<6]))])
        try await store.close()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: segment))

        store = try await fixture.openFileStore()
        #expect(flagged(try await store.readAll(descriptor.key, shardIndex: 0)) == Array(records[0..<3]))
        try await store.close()
    }
}
