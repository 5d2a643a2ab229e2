import Foundation
import RivuletCore
import RivuletStorage
import Testing

/// Crash recovery: whatever a crash leaves at the end of the last segment, open keeps every complete frame before it,
/// cuts only a torn last frame, says so in the log, and takes new appends past every position handed out before.
@Suite struct FileStreamStoreRecoveryTests {
    /// A closed store whose single shard holds three appends; returns the segment bytes and where the last frame
    /// starts.
    private func storeWithThreeFrames() async throws -> (StoreFixture, StreamDescriptor, Data, Int) {
        let fixture = try StoreFixture(.file)
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<2))])
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(2..<3))])
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        let lastFrameStart = try Data(contentsOf: URL(fileURLWithPath: segment)).count
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(3..<5))])
        try await store.close()
        return (fixture, descriptor, try Data(contentsOf: URL(fileURLWithPath: segment)), lastFrameStart)
    }

    /// Opens a copy of the fixture's folder whose segment holds `segmentBytes`, and checks that records 0..<3 are
    /// kept and the next append takes position 5: positions 3 and 4 were handed out before, lost or not.
    private func expectRecoveredToThreeRecords(
        _ fixture: StoreFixture, _ descriptor: StreamDescriptor, segmentBytes: Data
    ) async throws {
        let copy = try SegmentDamage.crashCopy(of: fixture.directory.path)
        let segment = try #require(copy.files(endingWith: ".log").first)
        try segmentBytes.write(to: URL(fileURLWithPath: segment))
        let store = try await FileStreamStore.open(
            directory: copy.path, configuration: fixture.configuration, clock: fixture.clock,
            logger: fixture.logs.logger)
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<3))
        let receipt = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(9..<10))])
        #expect(receipt[0].firstPosition == 5)
        let records = try await store.readAll(descriptor.key, shardIndex: 0)
        #expect(contents(records) == makeRecords(0..<3) + [makeRecord(9)])
        #expect(records.map(\.position) == [0, 1, 2, 5])
        try await store.close()
    }

    @Test func truncationAtEveryOffsetOfTheLastFrameDropsOnlyThatFrame() async throws {
        let (fixture, descriptor, segmentBytes, lastFrameStart) = try await storeWithThreeFrames()
        for cut in lastFrameStart..<segmentBytes.count {
            try await expectRecoveredToThreeRecords(fixture, descriptor, segmentBytes: segmentBytes.prefix(cut))
        }
        let dropped = fixture.logs.entries(atLeast: .warning).filter { $0.message.contains("truncating") }
        #expect(dropped.count == segmentBytes.count - lastFrameStart - 1)
        #expect(dropped.allSatisfy { $0.metadata["file.path"]?.hasSuffix(".log") == true })
        #expect(dropped.allSatisfy { $0.metadata["bytes.dropped"] != nil })
    }

    @Test func garbageAfterTheLastFrameIsKeptAndSteppedOver() async throws {
        let (fixture, descriptor, segmentBytes, _) = try await storeWithThreeFrames()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        let garbage = Data((0..<37).map { UInt8($0 * 7 + 1) })
        try (segmentBytes + garbage).write(to: URL(fileURLWithPath: segment))
        let store = try await fixture.openFileStore()
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<5))
        #expect(
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(5..<6))])
                .map(\.firstPosition) == [5])
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<6))
        try await store.close()
        #expect(try SegmentDamage.size(of: segment) == segmentBytes.count + garbage.count, "only torn tails are cut")
        #expect(try RecordedHoles.load(in: fixture.directory).map(\.offset) == [Int64(segmentBytes.count)])
    }

    @Test(arguments: [0, 4, 8, 20, 30])
    func aCorruptByteInTheLastFrameDropsThatFrame(offsetInFrame: Int) async throws {
        let (fixture, descriptor, segmentBytes, lastFrameStart) = try await storeWithThreeFrames()
        var corrupted = segmentBytes
        corrupted[lastFrameStart + offsetInFrame] ^= 0x5A
        try await expectRecoveredToThreeRecords(fixture, descriptor, segmentBytes: corrupted)
    }
}
