import Foundation
import Logging
import RivuletCore
import RivuletStorage
import Testing

/// Damage on disk loses only the records in the damaged frames: recovery and readers step over them to the next good
/// frame, record a hole, and never give a lost record's sequence number to new data.
@Suite struct ShardDamageRecoveryTests {
    /// Records 0..<40 in 20 frames of two, spread over several small segments (or one, with `segmentBytesMax` large).
    private func storedShard(
        segmentBytesMax: Int64 = 400, closing: Bool = true
    ) async throws -> (StoreFixture, FileStreamStore?, StreamDescriptor, [AppendRecord]) {
        let configuration = StoreConfiguration(segmentBytesMax: segmentBytesMax, indexIntervalBytes: 64)
        let fixture = try StoreFixture(.file, configuration: configuration)
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        var appended: [AppendRecord] = []
        for batch in 0..<20 {
            let records = makeRecords((batch * 2)..<(batch * 2 + 2), dataBytes: 30)
            _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: records)])
            appended += records
        }
        if closing { try await store.close() }
        return (fixture, closing ? nil : store, descriptor, appended)
    }

    private func openStore(in directory: TemporaryDirectory, _ fixture: StoreFixture) async throws -> FileStreamStore {
        try await FileStreamStore.open(
            directory: directory.path, configuration: fixture.configuration, clock: fixture.clock,
            logger: fixture.logs.logger)
    }

    /// Every record of `appended` outside `lost`, with its own position.
    private func expected(_ appended: [AppendRecord], losing lost: Range<UInt64>) -> [UInt64: AppendRecord] {
        var byPosition: [UInt64: AppendRecord] = [:]
        for (number, record) in appended.enumerated() where !lost.contains(UInt64(number)) {
            byPosition[UInt64(number)] = record
        }
        return byPosition
    }

    private func readByPosition(_ store: FileStreamStore, _ key: StreamKey) async throws -> [UInt64: AppendRecord] {
        let records = try await store.readAll(key, shardIndex: 0)
        #expect(records.map(\.position) == records.map(\.position).sorted(), "positions increase")
        return Dictionary(uniqueKeysWithValues: records.map { ($0.position, contents([$0])[0]) })
    }

    /// A new append lands past every position ever acknowledged and reads back after the old records.
    private func expectNewAppendIsPast(
        _ highestAcknowledged: UInt64, _ store: FileStreamStore, _ key: StreamKey
    ) async throws -> UInt64 {
        let receipt = try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(100..<101))])
        #expect(receipt[0].firstPosition > highestAcknowledged)
        let last = try await store.readAll(key, shardIndex: 0).last
        #expect(last?.position == receipt[0].firstPosition)
        #expect(last.map { contents([$0]) } == [makeRecord(100)])
        return receipt[0].firstPosition
    }

    @Test func aFlippedByteInAClosedSegmentWithoutIndexLosesOnlyThatFrame() async throws {
        let (fixture, _, descriptor, appended) = try await storedShard()
        let segments = fixture.directory.files(endingWith: ".log")
        try #require(segments.count >= 3)
        let frames = try SegmentDamage.frames(of: segments[0])
        try #require(frames.count >= 3)
        let sizeBefore = try SegmentDamage.size(of: segments[0])
        try FileManager.default.removeItem(atPath: segments[0].replacingOccurrences(of: ".log", with: ".index"))
        try SegmentDamage.flipByte(in: segments[0], at: frames[1].offset + 30)

        let store = try await fixture.openFileStore()
        #expect(try await readByPosition(store, descriptor.key) == expected(appended, losing: frames[1].positions))
        #expect(try SegmentDamage.size(of: segments[0]) == sizeBefore, "a closed segment is never cut")
        let holes = try RecordedHoles.load(in: fixture.directory)
        #expect(holes.count == 1)
        #expect(holes.first?.from == frames[1].positions.lowerBound)
        #expect(holes.first?.to == frames[1].positions.upperBound)
        #expect(holes.first?.reason == "frame checksum mismatch")
        #expect(holes.first?.offset == Int64(frames[1].offset))
        #expect(fixture.logs.entries(atLeast: .warning).contains { $0.message.contains("skipping damaged") })
        _ = try await expectNewAppendIsPast(39, store, descriptor.key)
        try await store.close()
    }

    @Test func aFlippedByteInTheActiveSegmentsFirstFrameLosesOnlyThatFrame() async throws {
        let (fixture, _, descriptor, appended) = try await storedShard(segmentBytesMax: 1 << 20)
        let segments = fixture.directory.files(endingWith: ".log")
        try #require(segments.count == 1)
        let frames = try SegmentDamage.frames(of: segments[0])
        let sizeBefore = try SegmentDamage.size(of: segments[0])
        try SegmentDamage.flipByte(in: segments[0], at: frames[0].offset + 40)

        let store = try await fixture.openFileStore()
        #expect(try await readByPosition(store, descriptor.key) == expected(appended, losing: frames[0].positions))
        #expect(try SegmentDamage.size(of: segments[0]) == sizeBefore)
        #expect(try RecordedHoles.load(in: fixture.directory).map(\.from) == [0])
        _ = try await expectNewAppendIsPast(39, store, descriptor.key)
        // Reading from a position inside the hole starts at the first record after it.
        let page = try await store.read(descriptor.key, shardIndex: 0, from: 1, recordLimit: 1, byteLimit: 1 << 20)
        #expect(page.records.map(\.position) == [frames[1].firstPosition])
        try await store.close()
    }

    @Test func aTornTailAfterACrashLosesTheLastRecordButNotItsSequenceNumber() async throws {
        let (fixture, running, descriptor, appended) = try await storedShard(closing: false)
        let crashed = try SegmentDamage.crashCopy(of: fixture.directory.path)
        try await running?.close()
        let segments = crashed.files(endingWith: ".log")
        let lastFrame = try #require(try SegmentDamage.frames(of: segments[segments.count - 1]).last)
        let sizeBefore = try SegmentDamage.size(of: segments[segments.count - 1])
        try SegmentDamage.cut(segments[segments.count - 1], bytes: 5)

        let store = try await openStore(in: crashed, fixture)
        #expect(try await readByPosition(store, descriptor.key) == expected(appended, losing: lastFrame.positions))
        #expect(try SegmentDamage.size(of: segments[segments.count - 1]) == sizeBefore - lastFrame.bytes)
        let next = try await expectNewAppendIsPast(39, store, descriptor.key)
        #expect(next >= Limits.positionReservationBlockPositions, "the crash left the reservation in place")
        #expect(
            try RecordedHoles.load(in: crashed).contains {
                $0.from == lastFrame.firstPosition && $0.to == next && $0.reason == "last frame torn by a crash"
            })
        try await store.close()
    }

    @Test func aFlippedByteBehindAnIntactIndexIsSkippedByReadersAndRecorded() async throws {
        let (fixture, _, descriptor, appended) = try await storedShard()
        let segments = fixture.directory.files(endingWith: ".log")
        let frames = try SegmentDamage.frames(of: segments[0])
        try SegmentDamage.flipByte(in: segments[0], at: frames[1].offset + 30)

        let store = try await fixture.openFileStore()
        let wanted = expected(appended, losing: frames[1].positions)
        #expect(try await readByPosition(store, descriptor.key) == wanted)
        #expect(try await readByPosition(store, descriptor.key) == wanted, "a retry reads the same, no error")
        let found = fixture.logs.entries(atLeast: .error).filter { $0.message.contains("found while reading") }
        #expect(found.count == 1, "the damage is resynchronised once, then the recorded hole is used")
        #expect(try RecordedHoles.load(in: fixture.directory).map(\.from) == [frames[1].firstPosition])
        try await store.close()

        let reopened = try await fixture.openFileStore()
        #expect(try await readByPosition(reopened, descriptor.key) == wanted)
        #expect(fixture.logs.entries(atLeast: .error).filter { $0.message.contains("found while reading") }.count == 1)
        try await reopened.close()
    }

    @Test func damageInAClosedSegmentsFirstFrameIsFoundAtOpen() async throws {
        let (fixture, _, descriptor, appended) = try await storedShard()
        let segments = fixture.directory.files(endingWith: ".log")
        let frames = try SegmentDamage.frames(of: segments[1])
        try SegmentDamage.flipByte(in: segments[1], at: frames[0].offset + 4)

        let store = try await fixture.openFileStore()
        #expect(try RecordedHoles.load(in: fixture.directory).map(\.from) == [frames[0].firstPosition])
        #expect(try await readByPosition(store, descriptor.key) == expected(appended, losing: frames[0].positions))
        try await store.close()
    }

    @Test func aCrashLeavesPositionsUnusedAndRecordsThemAsAHole() async throws {
        let (fixture, running, descriptor, appended) = try await storedShard(closing: false)
        #expect(
            try ReservedPositions.load(in: fixture.directory)?.position == 2 + Limits.positionReservationBlockPositions,
            "one reservation covers all the appends of a block")
        let crashed = try SegmentDamage.crashCopy(of: fixture.directory.path)
        try await running?.close()
        let afterClose = try ReservedPositions.load(in: fixture.directory)
        #expect(afterClose?.position == 40 && afterClose?.closedCleanly == true)

        let store = try await openStore(in: crashed, fixture)
        #expect(try await readByPosition(store, descriptor.key) == expected(appended, losing: 0..<0))
        let next = try await expectNewAppendIsPast(39, store, descriptor.key)
        #expect(next == 2 + Limits.positionReservationBlockPositions)
        #expect(
            try RecordedHoles.load(in: crashed).map { [$0.from, $0.to] } == [[40, next]],
            "the jump in positions is recorded, so continuity is checked strictly everywhere else")
        // Every start position in the hole reads on from the first record after it.
        let page = try await store.read(descriptor.key, shardIndex: 0, from: 41, recordLimit: 10, byteLimit: 1 << 20)
        #expect(page.records.map(\.position) == [next])
        try await store.close()
    }

    @Test func aCleanCloseKeepsPositionsDense() async throws {
        let (fixture, _, descriptor, _) = try await storedShard()
        let store = try await fixture.openFileStore()
        let receipt = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<1))])
        #expect(receipt[0].firstPosition == 40)
        #expect(try RecordedHoles.load(in: fixture.directory).isEmpty)
        try await store.close()
    }

    @Test func aSecondOpenOfTheSameFolderIsRefusedWithTheHoldersPid() async throws {
        let fixture = try StoreFixture(.file)
        let store = try await fixture.openFileStore()
        let lockPath = fixture.directory.path + "/" + FileStreamStore.lockFileName
        await #expect(throws: OwnerLockError.held(path: lockPath, processIdentifier: getpid())) {
            _ = try await fixture.openFileStore()
        }
        try await store.close()
        let reopened = try await fixture.openFileStore()
        try await reopened.close()
    }
}
