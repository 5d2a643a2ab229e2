import RivuletCore
import RivuletStorage
import Testing

/// One suite, run against every `StreamStore`: the memory twin must behave as the file store does.
@Suite struct StreamStoreConformanceTests {
    struct TagChangeRefused: Error {}

    @Test(arguments: StoreKind.allCases)
    func createsAndListsStreams(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        #expect(try await store.stream(descriptor.key) == descriptor)
        #expect(try await store.streams() == [descriptor])
        #expect(try await store.stream(streamKey("other")) == nil)
        await #expect(throws: StorageError.streamExists(descriptor.key)) {
            try await store.createStream(descriptor)
        }
        let state = try await store.shardState(descriptor.key, shardIndex: 1)
        #expect(state == ShardState(trimHorizonPosition: 0, nextPosition: 0, lastArrivalMilliseconds: nil))
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func updateIsAtomicAndWritesNothingWhenTheChangeThrows(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)

        let updated = try await store.updateStream(descriptor.key) {
            $0.tags.append(StreamTag(key: "team", value: "a"))
        }
        #expect(updated.tags == [StreamTag(key: "team", value: "a")])
        await #expect(throws: TagChangeRefused.self) {
            try await store.updateStream(descriptor.key) { stream in
                stream.tags.removeAll()
                stream.retentionHours = 48
                throw TagChangeRefused()
            }
        }
        #expect(try await store.stream(descriptor.key) == updated)

        // Concurrent updates are serialised: none is lost.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<20 {
                group.addTask {
                    try await store.updateStream(descriptor.key) {
                        $0.tags.append(StreamTag(key: "k\(number)", value: ""))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.stream(descriptor.key)?.tags.count == 21)
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func shardsAddedByAnUpdateTakeAppends(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        try await store.updateStream(descriptor.key) { stream in
            stream.shards.append(
                ShardDescriptor(
                    index: 1, hashKeyRange: HashKeyRange(startingHashKey: 0, endingHashKey: 10), parentIndex: 0,
                    createdMilliseconds: fixture.clock.nowMilliseconds()))
        }
        let receipts = try await store.append(descriptor.key, [ShardAppend(shardIndex: 1, records: makeRecords(0..<3))])
        #expect(receipts.map(\.firstPosition) == [0])
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 1)) == makeRecords(0..<3))
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func closingAShardRecordsItsTrueEndAndRefusesAppends(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<3))])

        let updated = try await store.updateStream(descriptor.key) { $0.shards[0].closedAtPosition = 0 }
        #expect(updated.shards[0].closedAtPosition == 3)
        await #expect(throws: StorageError.shardClosed(descriptor.key, shardIndex: 0)) {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(3..<4))])
        }
        #expect(try await store.readAll(descriptor.key, shardIndex: 0).count == 3)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 1, records: makeRecords(0..<1))])
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func deleteRemovesTheStreamAndItsRecords(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<5))])
        try await store.deleteStream(descriptor.key)

        #expect(try await store.stream(descriptor.key) == nil)
        #expect(await store.storedBytes() == 0)
        await #expect(throws: StorageError.streamNotFound(descriptor.key)) {
            try await store.deleteStream(descriptor.key)
        }
        await #expect(throws: StorageError.streamNotFound(descriptor.key)) {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<1))])
        }
        // Re-created under the same name (even in the same millisecond), the stream starts empty.
        try await store.createStream(descriptor)
        #expect(try await store.readAll(descriptor.key, shardIndex: 0).isEmpty)
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func appendsAcrossShardsTakeDensePositionsAndReadBack(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        let now = fixture.clock.nowMilliseconds()

        let receipts = try await store.append(
            descriptor.key,
            [
                ShardAppend(shardIndex: 0, records: makeRecords(0..<3)),
                ShardAppend(shardIndex: 1, records: makeRecords(3..<5)),
                ShardAppend(shardIndex: 0, records: makeRecords(5..<6)),
            ])
        #expect(
            receipts == [
                AppendReceipt(shardIndex: 0, firstPosition: 0, arrivalMilliseconds: now),
                AppendReceipt(shardIndex: 1, firstPosition: 0, arrivalMilliseconds: now),
                AppendReceipt(shardIndex: 0, firstPosition: 3, arrivalMilliseconds: now),
            ])
        let second = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(6..<8))])
        #expect(second.map(\.firstPosition) == [4])

        let shardZero = try await store.readAll(descriptor.key, shardIndex: 0)
        #expect(shardZero.map(\.position) == Array(0..<6))
        #expect(contents(shardZero) == makeRecords(0..<3) + makeRecords(5..<8))
        #expect(shardZero.allSatisfy { $0.arrivalMilliseconds == now })
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 1)) == makeRecords(3..<5))
        let state = try await store.shardState(descriptor.key, shardIndex: 0)
        #expect(state == ShardState(trimHorizonPosition: 0, nextPosition: 6, lastArrivalMilliseconds: now))
        #expect(await store.storedBytes() > 0)
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func readsHonourRecordAndByteLimitsButReturnAtLeastOneRecord(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        // Each record is "key-N" (5 bytes) plus 100 bytes of data.
        _ = try await store.append(
            descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<10, dataBytes: 100))])

        let byRecords = try await store.read(descriptor.key, shardIndex: 0, from: 2, recordLimit: 3, byteLimit: 1 << 20)
        #expect(byRecords.records.map(\.position) == [2, 3, 4])
        #expect(byRecords.nextPosition == 5)
        let byBytes = try await store.read(descriptor.key, shardIndex: 0, from: 0, recordLimit: 100, byteLimit: 315)
        #expect(byBytes.records.map(\.position) == [0, 1, 2])
        let tiny = try await store.read(descriptor.key, shardIndex: 0, from: 7, recordLimit: 100, byteLimit: 1)
        #expect(tiny.records.map(\.position) == [7])
        #expect(tiny.nextPosition == 8)
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func readingPastTheEndReturnsNothing(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<4))])

        for position: UInt64 in [4, 5, 1000] {
            let result = try await store.read(
                descriptor.key, shardIndex: 0, from: position, recordLimit: 10, byteLimit: 1000)
            #expect(result.records.isEmpty)
            #expect(result.nextPosition == position)
            #expect(result.shard.nextPosition == 4)
        }
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func positionAtTimestampFindsTheFirstRecordArrivedThen(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        let start = fixture.clock.nowMilliseconds()
        for batch in 0..<5 {
            _ = try await store.append(
                descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords((batch * 3)..<(batch * 3 + 3)))])
            fixture.clock.advance(milliseconds: 1000)
        }
        func position(_ milliseconds: Int64) async throws -> UInt64 {
            try await store.position(descriptor.key, shardIndex: 0, atTimestamp: milliseconds)
        }
        #expect(try await position(start - 5000) == 0)
        #expect(try await position(start) == 0)
        #expect(try await position(start + 1) == 3)
        #expect(try await position(start + 2000) == 6)
        #expect(try await position(start + 4000) == 12)
        #expect(try await position(start + 4001) == 15)
        #expect(try await store.position(descriptor.key, shardIndex: 1, atTimestamp: start) == 0)
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func retentionRemovesOldRecordsAndMovesTheTrimHorizon(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<5))])
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 1, records: makeRecords(0..<2))])
        let bytesBefore = await store.storedBytes()

        fixture.clock.advance(milliseconds: 12 * 3_600_000)
        #expect(try await store.enforceRetention(nowMilliseconds: fixture.clock.nowMilliseconds()) == 0)
        fixture.clock.advance(milliseconds: 13 * 3_600_000)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(5..<8))])
        let freed = try await store.enforceRetention(nowMilliseconds: fixture.clock.nowMilliseconds())

        #expect(freed > 0)
        #expect(await store.storedBytes() < bytesBefore)
        let state = try await store.shardState(descriptor.key, shardIndex: 0)
        #expect(state.trimHorizonPosition == 5)
        #expect(state.nextPosition == 8)
        let fromStart = try await store.read(
            descriptor.key, shardIndex: 0, from: 0, recordLimit: 100, byteLimit: 1 << 20)
        #expect(fromStart.records.map(\.position) == [5, 6, 7])
        #expect(contents(fromStart.records) == makeRecords(5..<8))
        let emptied = try await store.shardState(descriptor.key, shardIndex: 1)
        #expect(emptied.trimHorizonPosition == 2 && emptied.nextPosition == 2)
        let next = try await store.append(descriptor.key, [ShardAppend(shardIndex: 1, records: makeRecords(9..<10))])
        #expect(next.map(\.firstPosition) == [2])
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func unknownStreamsAndShardsAreReported(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        let missing = streamKey("missing")

        await #expect(throws: StorageError.streamNotFound(missing)) {
            try await store.append(missing, [ShardAppend(shardIndex: 0, records: makeRecords(0..<1))])
        }
        await #expect(throws: StorageError.streamNotFound(missing)) {
            try await store.read(missing, shardIndex: 0, from: 0, recordLimit: 1, byteLimit: 1)
        }
        await #expect(throws: StorageError.streamNotFound(missing)) {
            try await store.updateStream(missing) { _ in }
        }
        await #expect(throws: StorageError.shardNotFound(descriptor.key, shardIndex: 7)) {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 7, records: makeRecords(0..<1))])
        }
        await #expect(throws: StorageError.shardNotFound(descriptor.key, shardIndex: 7)) {
            try await store.read(descriptor.key, shardIndex: 7, from: 0, recordLimit: 1, byteLimit: 1)
        }
        await #expect(throws: StorageError.shardNotFound(descriptor.key, shardIndex: 7)) {
            try await store.position(descriptor.key, shardIndex: 7, atTimestamp: 0)
        }
        await #expect(throws: StorageError.shardNotFound(descriptor.key, shardIndex: 7)) {
            try await store.shardState(descriptor.key, shardIndex: 7)
        }
        try await store.close()
        await #expect(throws: StorageError.closed) { try await store.streams() }
        await #expect(throws: StorageError.closed) {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<1))])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentAppendsAreAllAcknowledgedWithoutGapsOrDuplicates(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        let tasks = 40
        let appendsPerTask = 15
        let recordsPerAppend = 4

        let receipts = try await withThrowingTaskGroup(of: [(AppendReceipt, Int)].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var mine: [(AppendReceipt, Int)] = []
                    for append in 0..<appendsPerTask {
                        let first = (task * appendsPerTask + append) * recordsPerAppend
                        let shard = (task + append) % 2
                        let got = try await store.append(
                            descriptor.key,
                            [ShardAppend(shardIndex: shard, records: makeRecords(first..<(first + recordsPerAppend)))])
                        mine.append((got[0], first))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(receipts.count == tasks * appendsPerTask)
        var total = 0
        for shard in 0..<2 {
            let stored = try await store.readAll(descriptor.key, shardIndex: shard, pageRecords: 50)
            #expect(stored.map(\.position) == (0..<UInt64(stored.count)).map { $0 })
            for (receipt, first) in receipts where receipt.shardIndex == shard {
                let slice = stored[Int(receipt.firstPosition)..<(Int(receipt.firstPosition) + recordsPerAppend)]
                #expect(contents(Array(slice)) == makeRecords(first..<(first + recordsPerAppend)))
            }
            total += stored.count
        }
        #expect(total == tasks * appendsPerTask * recordsPerAppend)
        try await store.close()
    }
}
