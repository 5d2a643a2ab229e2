import Foundation
import RivuletCore
import RivuletStorage
import Testing

@Suite struct FileStreamStoreRestartTests {
    @Test func reopeningKeepsStreamsShardsTagsAndEveryAcknowledgedRecord() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        let orders = makeDescriptor("orders", shardCount: 3, clock: fixture.clock)
        let clicks = makeDescriptor("clicks.v2_x", shardCount: 1, clock: fixture.clock)
        try await store.createStream(orders)
        try await store.createStream(clicks)
        let tagged = try await store.updateStream(orders.key) { $0.tags = [StreamTag(key: "env", value: "prod")] }
        for batch in 0..<20 {
            _ = try await store.append(
                orders.key, [ShardAppend(shardIndex: batch % 3, records: makeRecords((batch * 5)..<(batch * 5 + 5)))])
        }
        _ = try await store.append(clicks.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<3))])
        var before: [[StoredRecord]] = []
        for shard in 0..<3 { before.append(try await store.readAll(orders.key, shardIndex: shard)) }
        try await store.close()

        store = try await fixture.openFileStore()
        #expect(try await store.stream(orders.key) == tagged)
        #expect(try await store.stream(clicks.key) == clicks)
        for shard in 0..<3 {
            #expect(try await store.readAll(orders.key, shardIndex: shard) == before[shard])
        }
        let receipt = try await store.append(orders.key, [ShardAppend(shardIndex: 0, records: makeRecords(100..<101))])
        #expect(receipt[0].firstPosition == UInt64(before[0].count))
        try await store.close()
    }

    @Test func segmentsRollBySizeAndReadsCrossThemBeforeAndAfterReopen() async throws {
        let configuration = StoreConfiguration(segmentBytesMax: 600, indexIntervalBytes: 128)
        let fixture = try StoreFixture(.file, configuration: configuration)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        var appended: [AppendRecord] = []
        for batch in 0..<40 {
            let records = makeRecords((batch * 3)..<(batch * 3 + 3), dataBytes: 40)
            _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: records)])
            appended += records
            fixture.clock.advance(milliseconds: 10)
        }
        #expect(fixture.directory.files(endingWith: ".log").count > 5)
        try await expectEveryStartPositionReads(store, descriptor.key, appended)
        try await store.close()

        store = try await fixture.openFileStore()
        #expect(
            fixture.directory.files(endingWith: ".index").count == fixture.directory.files(endingWith: ".log").count - 1
        )
        try await expectEveryStartPositionReads(store, descriptor.key, appended)
        // Batch b arrived at start + 10 b milliseconds; the first at or after start + 365 is batch 37.
        let betweenBatches = fixture.clock.nowMilliseconds() - 35
        #expect(try await store.position(descriptor.key, shardIndex: 0, atTimestamp: betweenBatches) == 37 * 3)
        try await store.close()
    }

    @Test func missingOrDamagedIndexFilesAreRebuiltOnOpen() async throws {
        let configuration = StoreConfiguration(segmentBytesMax: 400, indexIntervalBytes: 64)
        let fixture = try StoreFixture(.file, configuration: configuration)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        var appended: [AppendRecord] = []
        for batch in 0..<20 {
            let records = makeRecords((batch * 2)..<(batch * 2 + 2), dataBytes: 30)
            _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: records)])
            appended += records
        }
        try await store.close()

        let indexes = fixture.directory.files(endingWith: ".index")
        try #require(indexes.count >= 3)
        try FileManager.default.removeItem(atPath: indexes[0])
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: indexes[1]))
        var damaged = try Data(contentsOf: URL(fileURLWithPath: indexes[2]))
        damaged[damaged.count - 1] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: indexes[2]))

        store = try await fixture.openFileStore()
        #expect(fixture.logs.entries(atLeast: .warning).filter { $0.message.contains("rebuilding") }.count == 3)
        try await expectEveryStartPositionReads(store, descriptor.key, appended)
        try await store.close()
        #expect(FileManager.default.fileExists(atPath: indexes[0]))
    }

    @Test func retentionSurvivesAReopen() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<4))])
        fixture.clock.advance(milliseconds: 25 * 3_600_000)
        try await store.enforceRetention(nowMilliseconds: fixture.clock.nowMilliseconds())
        try await store.close()

        store = try await fixture.openFileStore()
        let state = try await store.shardState(descriptor.key, shardIndex: 0)
        #expect(state.trimHorizonPosition == 4 && state.nextPosition == 4)
        #expect(
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(4..<5))])
                .map(\.firstPosition) == [4])
        try await store.close()
    }

    @Test func aLeftoverCatalogTemporaryFileIsIgnored() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        try await store.close()
        let temporary = fixture.directory.path + "/catalog.json.tmp"
        try Data("{\"version\":1,\"streams\":[".utf8).write(to: URL(fileURLWithPath: temporary))

        store = try await fixture.openFileStore()
        #expect(try await store.streams() == [descriptor])
        #expect(!FileManager.default.fileExists(atPath: temporary))
        try await store.close()
    }

    @Test func folderOfAStreamMissingFromTheCatalogIsRemovedOnOpen() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        try await store.createStream(makeDescriptor(clock: fixture.clock))
        try await store.close()
        let stray = fixture.directory.path + "/streams/stray.folder"
        try FileManager.default.createDirectory(
            atPath: stray + "/shardId-000000000000", withIntermediateDirectories: true)

        store = try await fixture.openFileStore()
        #expect(!FileManager.default.fileExists(atPath: stray))
        #expect(try await store.streams().count == 1)
        try await store.close()
    }

    private func expectEveryStartPositionReads(
        _ store: FileStreamStore, _ key: StreamKey, _ appended: [AppendRecord]
    ) async throws {
        for start in stride(from: 0, to: appended.count, by: 5) {
            let read = try await store.readAll(key, shardIndex: 0, from: UInt64(start), pageRecords: 11)
            #expect(read.map(\.position) == (UInt64(start)..<UInt64(appended.count)).map { $0 })
            #expect(contents(read) == Array(appended[start...]))
        }
    }
}
