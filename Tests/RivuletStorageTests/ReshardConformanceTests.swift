import Foundation
import RivuletCore
import RivuletStorage
import Testing

/// Resharding as the store sees it: one `updateStream` that closes parents and adds children, atomically and durably,
/// against every `StreamStore`.
@Suite struct ReshardConformanceTests {
    /// Closes shard 0 of `stream` and adds its two children (indices `next`, `next + 1`) split at `key`.
    static func split(_ stream: inout StreamDescriptor, at key: UInt128, now: Int64) {
        let parent = stream.shards[0]
        let next = stream.nextShardIndex
        stream.shards[0].closedAtPosition = 0
        stream.shards[0].closedMilliseconds = now
        stream.shards.append(
            ShardDescriptor(
                index: next,
                hashKeyRange: HashKeyRange(startingHashKey: parent.hashKeyRange.startingHashKey, endingHashKey: key - 1),
                parentIndex: parent.index, createdMilliseconds: now))
        stream.shards.append(
            ShardDescriptor(
                index: next + 1,
                hashKeyRange: HashKeyRange(startingHashKey: key, endingHashKey: parent.hashKeyRange.endingHashKey),
                parentIndex: parent.index, createdMilliseconds: now))
    }

    @Test(arguments: StoreKind.allCases)
    func aSplitClosesTheParentAtItsEndAndAddsChildrenTogether(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        var store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        let key = descriptor.key
        try await store.createStream(descriptor)
        _ = try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<5))])

        let now = fixture.clock.nowMilliseconds()
        let after = try await store.updateStream(key) { Self.split(&$0, at: 1 << 100, now: now) }
        #expect(after.shards.map(\.index) == [0, 1, 2])
        #expect(after.shards[0].closedAtPosition == 5)
        #expect(after.shards[0].closedMilliseconds == now)
        #expect(after.shards[1...].allSatisfy { $0.isOpen && $0.parentIndex == 0 })

        await #expect(throws: StorageError.shardClosed(key, shardIndex: 0)) {
            try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(5..<6))])
        }
        _ = try await store.append(key, [ShardAppend(shardIndex: 2, records: makeRecords(6..<8))])
        #expect(contents(try await store.readAll(key, shardIndex: 0)) == makeRecords(0..<5))
        #expect(contents(try await store.readAll(key, shardIndex: 2)) == makeRecords(6..<8))

        if kind == .file {
            try await store.close()
            store = try await fixture.open()
            #expect(try await store.stream(key) == after)
            #expect(contents(try await store.readAll(key, shardIndex: 0)) == makeRecords(0..<5))
            #expect(contents(try await store.readAll(key, shardIndex: 2)) == makeRecords(6..<8))
            await #expect(throws: StorageError.shardClosed(key, shardIndex: 0)) {
                try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(5..<6))])
            }
        }
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func shardsAddedAlreadyClosedKeepTheirEmptyEnd(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        let now = fixture.clock.nowMilliseconds()
        let after = try await store.updateStream(descriptor.key) { stream in
            Self.split(&stream, at: 1 << 64, now: now)
            // A short-lived step of a larger reshape: created and closed in the same change.
            stream.shards[2].closedAtPosition = 0
            stream.shards[2].closedMilliseconds = now
        }
        #expect(after.shards[2].closedAtPosition == 0)
        #expect(try await store.readAll(descriptor.key, shardIndex: 2).isEmpty)
        await #expect(throws: StorageError.shardClosed(descriptor.key, shardIndex: 2)) {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 2, records: makeRecords(0..<1))])
        }
        try await store.close()
    }

    @Test(arguments: StoreKind.allCases)
    func aPendingReshardIsStoredWithTheStream(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        var store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 2, clock: fixture.clock)
        try await store.createStream(descriptor)
        let pending = PendingReshard(
            closingShardIndices: [0, 1],
            newShards: [
                ShardDescriptor(
                    index: 2, hashKeyRange: HashKeyRange(startingHashKey: 0, endingHashKey: .max), parentIndex: 0,
                    adjacentParentIndex: 1, createdMilliseconds: 0)
            ])
        let updated = try await store.updateStream(descriptor.key) { stream in
            stream.status = .updating
            stream.pendingReshard = pending
        }
        #expect(updated.pendingReshard == pending)
        #expect(updated.shards.allSatisfy { $0.isOpen })
        if kind == .file {
            try await store.close()
            store = try await fixture.open()
        }
        #expect(try await store.stream(descriptor.key)?.pendingReshard == pending)
        try await store.close()
    }

    /// Appends race a split of shard 0; some also write to shard 1. Each append either succeeds with every record
    /// before the parent's recorded end, or is refused whole: nothing of it is stored anywhere.
    @Test(arguments: StoreKind.allCases)
    func appendsRacingASplitLandBeforeTheEndOrAreRefusedWhole(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let store = try await fixture.open()
        let descriptor = makeDescriptor(shardCount: 2, clock: fixture.clock)
        let key = descriptor.key
        try await store.createStream(descriptor)
        let writers = 8
        let appendsPerWriter = 25

        enum Outcome: Sendable {
            case stored([AppendReceipt], number: Int)
            case refused(number: Int)
        }
        let now = fixture.clock.nowMilliseconds()
        let (outcomes, after) = try await withThrowingTaskGroup(of: [Outcome].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var outcomes: [Outcome] = []
                    for step in 0..<appendsPerWriter {
                        let number = writer * 1000 + step
                        var batches = [ShardAppend(shardIndex: 0, records: [makeRecord(number)])]
                        if step % 2 == 0 {
                            batches.append(ShardAppend(shardIndex: 1, records: [makeRecord(number + 500)]))
                        }
                        do {
                            outcomes.append(.stored(try await store.append(key, batches), number: number))
                        } catch StorageError.shardClosed(_, let index) {
                            #expect(index == 0)
                            outcomes.append(.refused(number: number))
                        }
                    }
                    return outcomes
                }
            }
            await Task.yield()
            let after = try await store.updateStream(key) { Self.split(&$0, at: 1 << 120, now: now) }
            var all: [Outcome] = []
            for try await outcomes in group { all += outcomes }
            return (all, after)
        }

        let end = try #require(after.shards[0].closedAtPosition)
        let parent = try await store.readAll(key, shardIndex: 0, pageRecords: 1000)
        let neighbour = Set(contents(try await store.readAll(key, shardIndex: 1, pageRecords: 1000)).map(\.partitionKey))
        #expect(UInt64(parent.count) == end)
        let parentKeys = Set(parent.map(\.partitionKey))
        for outcome in outcomes {
            switch outcome {
            case .stored(let receipts, let number):
                #expect(receipts[0].firstPosition < end)
                #expect(parentKeys.contains(makeRecord(number).partitionKey))
                if receipts.count == 2 { #expect(neighbour.contains(makeRecord(number + 500).partitionKey)) }
            case .refused(let number):
                #expect(!parentKeys.contains(makeRecord(number).partitionKey))
                #expect(!neighbour.contains(makeRecord(number + 500).partitionKey))
            }
        }
        let storedCount = outcomes.filter { if case .stored = $0 { true } else { false } }.count
        #expect(storedCount == parent.count)
        try await store.close()
    }

    /// A reshard whose catalog write fails changes nothing: the parent stays open and takes appends, no child exists.
    @Test func aReshardThatCannotBePersistedLeavesTheStreamAsItWas() async throws {
        let fileSystem = FaultInjectingFileSystem()
        let fixture = try StoreFixture(.file, fileSystem: fileSystem)
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        let key = descriptor.key
        try await store.createStream(descriptor)
        _ = try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<3))])

        fileSystem.inject(FaultInjectingFileSystem.Fault(.open, errno: ENOSPC, pathContaining: "catalog.json"))
        let now = fixture.clock.nowMilliseconds()
        await #expect(throws: StorageError.self) {
            try await store.updateStream(key) { Self.split(&$0, at: 1 << 100, now: now) }
        }
        #expect(fileSystem.faultsFired == 1)
        #expect(try await store.stream(key) == descriptor)
        _ = try await store.append(key, [ShardAppend(shardIndex: 0, records: makeRecords(3..<4))])
        await #expect(throws: StorageError.shardNotFound(key, shardIndex: 1)) {
            try await store.append(key, [ShardAppend(shardIndex: 1, records: makeRecords(4..<5))])
        }
        let streamFolder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path + "/streams").first)
        let shardFolders = try FileManager.default.contentsOfDirectory(
            atPath: fixture.directory.path + "/streams/" + streamFolder)
        #expect(shardFolders == ["shardId-000000000000"])

        // Retried, it goes through, and the parent ends after every record it took.
        let after = try await store.updateStream(key) { Self.split(&$0, at: 1 << 100, now: now) }
        #expect(after.shards[0].closedAtPosition == 4)
        try await store.close()
    }

    /// A crash after a reshard created its children's folders but before the catalog named them leaves folders no
    /// descriptor knows; opening removes them, and the next reshard creates those shards afresh.
    @Test func openingRemovesShardFoldersTheCatalogDoesNotName() async throws {
        let fixture = try StoreFixture(.file)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 1, clock: fixture.clock)
        try await store.createStream(descriptor)
        try await store.close()

        let streams = fixture.directory.path + "/streams"
        let streamFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: streams).first)
        let orphan = streams + "/" + streamFolder + "/shardId-000000000001"
        try FileManager.default.createDirectory(atPath: orphan, withIntermediateDirectories: true)
        try Data("leftover".utf8).write(to: URL(fileURLWithPath: orphan + "/00000000000000000000.log"))

        store = try await fixture.openFileStore()
        #expect(!FileManager.default.fileExists(atPath: orphan))
        let now = fixture.clock.nowMilliseconds()
        try await store.updateStream(descriptor.key) { Self.split(&$0, at: 1 << 100, now: now) }
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 1, records: makeRecords(0..<2))])
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 1)) == makeRecords(0..<2))
        try await store.close()
    }
}
