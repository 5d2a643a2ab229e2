import Foundation
import RivuletCore
import RivuletStorage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Injected disk errors: the callers of the failed append get `StorageError.io`, nothing of it is readable or
/// recovered later, and the store keeps working.
@Suite struct FaultInjectionTests {
    private static let faults: [FaultInjectingFileSystem.Fault] = [
        .init(.write(bytesWrittenBeforeFailure: 0), errno: ENOSPC, pathContaining: ".log"),
        .init(.write(bytesWrittenBeforeFailure: 13), errno: ENOSPC, pathContaining: ".log"),
        .init(.synchronize, errno: EIO, pathContaining: ".log"),
    ]

    @Test(arguments: faults)
    func aFailedAppendLeavesNoTraceAndTheStoreStaysUsable(fault: FaultInjectingFileSystem.Fault) async throws {
        let fileSystem = FaultInjectingFileSystem()
        let fixture = try StoreFixture(.file, fileSystem: fileSystem)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 2, clock: fixture.clock)
        try await store.createStream(descriptor)
        _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(0..<3))])
        let segment = try #require(
            fixture.directory.files(endingWith: ".log").first { $0.contains("shardId-000000000000") })
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: segment)[.size] as? Int

        fileSystem.inject(fault)
        await #expect {
            try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(3..<6))])
        } throws: { error in
            guard case StorageError.io(_, let path, let errno) = error else { return false }
            return path == segment && errno == fault.errno
        }
        #expect(fileSystem.faultsFired == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: segment)[.size] as? Int == sizeBefore)
        #expect(try await store.shardState(descriptor.key, shardIndex: 0).nextPosition == 3)
        #expect(contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<3))

        let retried = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: makeRecords(6..<8))])
        #expect(retried[0].firstPosition == 3)
        try await store.close()

        store = try await fixture.openFileStore()
        #expect(
            contents(try await store.readAll(descriptor.key, shardIndex: 0)) == makeRecords(0..<3) + makeRecords(6..<8))
        try await store.close()
    }

    @Test func aFailureInOneShardDoesNotFailAppendsToOthersInTheSameRound() async throws {
        let fileSystem = FaultInjectingFileSystem()
        let fixture = try StoreFixture(.file, fileSystem: fileSystem)
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 2, clock: fixture.clock)
        try await store.createStream(descriptor)
        fileSystem.inject(.init(.synchronize, errno: EIO, pathContaining: "shardId-000000000001"))

        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for shard in 0..<2 {
                for number in 0..<10 {
                    group.addTask {
                        let outcome = try? await store.append(
                            descriptor.key,
                            [ShardAppend(shardIndex: shard, records: makeRecords(number..<(number + 1)))])
                        return (shard, outcome != nil)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0.0 == 0 && !$0.1 }.isEmpty)
        let acknowledgedInFailingShard = results.filter { $0.0 == 1 && $0.1 }.count
        #expect(acknowledgedInFailingShard < 10)
        #expect(try await store.readAll(descriptor.key, shardIndex: 1).count == acknowledgedInFailingShard)
        #expect(try await store.readAll(descriptor.key, shardIndex: 0).count == 10)
        try await store.close()
    }

    @Test func aCatalogWriteFailureLeavesTheCatalogUnchanged() async throws {
        let fileSystem = FaultInjectingFileSystem()
        let fixture = try StoreFixture(.file, fileSystem: fileSystem)
        var store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(clock: fixture.clock)
        try await store.createStream(descriptor)
        fileSystem.inject(.init(.synchronize, errno: EIO, pathContaining: "catalog.json"))

        await #expect(throws: StorageError.self) {
            try await store.updateStream(descriptor.key) { $0.retentionHours = 48 }
        }
        #expect(try await store.stream(descriptor.key) == descriptor)
        try await store.close()
        store = try await fixture.openFileStore()
        #expect(try await store.stream(descriptor.key) == descriptor)
        try await store.close()
    }
}

extension FaultInjectingFileSystem.Fault: CustomTestStringConvertible {
    public var testDescription: String { "\(operation) errno \(errno)" }
}
