import Foundation
import RivuletCore
import RivuletStorage
import Testing

/// The hole record is bounded, and folders written before reserved-positions existed still never reuse positions.
@Suite struct HoleBoundsTests {
    @Test func damageBeyondTheHoleLimitIsSteppedOverButNotRecorded() async throws {
        let configuration = StoreConfiguration(fsyncPolicy: .never, segmentBytesMax: 1 << 30)
        let fixture = try StoreFixture(.file, configuration: configuration)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        let frameCount = 2 * (Limits.shardHolesMax + 10)
        for number in 0..<frameCount {
            _ = try await store.append(
                descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(number..<(number + 1)))])
        }
        try await store.close()
        let segment = try #require(fixture.directory.files(endingWith: ".log").first)
        var data = try Data(contentsOf: URL(fileURLWithPath: segment))
        let frames = try SegmentDamage.frames(of: segment)
        for frame in frames where frame.firstPosition % 2 == 1 {
            data[frame.offset + 30] ^= 0x5A
        }
        try data.write(to: URL(fileURLWithPath: segment))

        store = try await fixture.openFileStore()
        #expect(try RecordedHoles.load(in: fixture.directory).count == Limits.shardHolesMax)
        #expect(fixture.logs.entries(atLeast: .error).contains { $0.message.contains("too many holes") })
        let records = try await store.readAll(descriptor.key, shardIndex: 0, pageRecords: 500)
        #expect(records.map(\.position) == (0..<UInt64(frameCount)).filter { $0 % 2 == 0 })
        try await store.close()
    }

    @Test func withoutAReservationTheBytesLostAtTheEndBoundTheNextPosition() async throws {
        let fixture = try StoreFixture(.file)
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        for number in 0..<5 {
            _ = try await store.append(
                descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords((number * 3)..<(number * 3 + 3)))])
        }
        let crashed = try SegmentDamage.crashCopy(of: fixture.directory.path)
        try await store.close()
        // Data from before the mark existed: no reserved-positions, and the last frame (positions 12..<15) damaged.
        try FileManager.default.removeItem(atPath: try #require(crashed.files(endingWith: "reserved-positions").first))
        let segment = try #require(crashed.files(endingWith: ".log").first)
        let last = try #require(try SegmentDamage.frames(of: segment).last)
        try SegmentDamage.flipByte(in: segment, at: last.offset + 40)

        let reopened = try await FileStreamStore.open(
            directory: crashed.path, configuration: fixture.configuration, clock: fixture.clock,
            logger: fixture.logs.logger)
        #expect(try await reopened.readAll(descriptor.key, shardIndex: 0).map(\.position) == Array(0..<12))
        let receipt = try await reopened.append(
            descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(99..<100))])
        #expect(receipt[0].firstPosition >= 15)
        try await reopened.close()
    }
}
