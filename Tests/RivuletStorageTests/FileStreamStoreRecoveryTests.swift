import Foundation
import RivuletCore
import RivuletStorage
import Testing

/// Crash recovery: whatever a crash leaves at the end of the last segment, open keeps every complete frame before it,
/// drops the damaged one, says so in the log, and takes new appends at the right position.
@Suite struct FileStreamStoreRecoveryTests {
    /// A store whose single shard holds three appends; returns the segment bytes and where the last frame starts.
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

    private func expectRecoveredToThreeRecords(_ fixture: StoreFixture, _ descriptor: StreamDescriptor) async throws {
        let store = try await fixture.openFileStore()
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<3))
        let receipt = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(9..<10))])
        #expect(receipt[0].firstPosition == 3)
        #expect(
            contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<3) + [makeRecord(9)])
        try await store.close()
    }

    @Test func truncationAtEveryOffsetOfTheLastFrameDropsOnlyThatFrame() async throws {
        let (fixture, descriptor, segmentBytes, lastFrameStart) = try await storeWithThreeFrames()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        for cut in lastFrameStart..<segmentBytes.count {
            try segmentBytes.prefix(cut).write(to: URL(fileURLWithPath: segment))
            try await expectRecoveredToThreeRecords(fixture, descriptor)
        }
        let dropped = fixture.logs.entries(atLeast: .warning).filter { $0.message.contains("truncating") }
        #expect(dropped.count == segmentBytes.count - lastFrameStart - 1)
        #expect(dropped.allSatisfy { $0.metadata["file.path"] == segment && $0.metadata["bytes.dropped"] != nil })
    }

    @Test func garbageAfterTheLastFrameIsDropped() async throws {
        let (fixture, descriptor, segmentBytes, _) = try await storeWithThreeFrames()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        try (segmentBytes + Data((0..<37).map { UInt8($0 * 7 + 1) })).write(to: URL(fileURLWithPath: segment))
        let store = try await fixture.openFileStore()
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<5))
        #expect(
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(5..<6))])
                .map(\.firstPosition) == [5])
        try await store.close()
        #expect(fixture.logs.entries(atLeast: .warning).contains { $0.metadata["bytes.dropped"] == "37" })
    }

    @Test(arguments: [0, 4, 8, 20, 30])
    func aCorruptByteInTheLastFrameDropsThatFrame(offsetInFrame: Int) async throws {
        let (fixture, descriptor, segmentBytes, lastFrameStart) = try await storeWithThreeFrames()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        var corrupted = segmentBytes
        corrupted[lastFrameStart + offsetInFrame] ^= 0x5A
        try corrupted.write(to: URL(fileURLWithPath: segment))
        try await expectRecoveredToThreeRecords(fixture, descriptor)
    }
}
