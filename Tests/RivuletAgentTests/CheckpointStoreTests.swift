import Foundation
import Logging
import Testing

@testable import RivuletAgent

/// The stores the conformance suite runs against.
enum CheckpointStoreKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, memory

    var testDescription: String { rawValue }
}

/// A store of one kind, and the way to open it again as a restarted agent would.
struct CheckpointStoreFixture {
    let kind: CheckpointStoreKind
    let directory: TailingScratchDirectory
    private let memory = InMemoryCheckpointStore()

    init(_ kind: CheckpointStoreKind) throws {
        self.kind = kind
        directory = try TailingScratchDirectory()
    }

    /// A new connection to the same store: the SQLite file opened again, or the same memory.
    func open() async throws -> any CheckpointStore {
        switch kind {
        case .sqlite:
            try await SQLiteCheckpointStore.open(path: directory.file("nested/state/checkpoints"), logger: Logger(label: "test"))
        case .memory:
            memory
        }
    }

    func remove() { directory.remove() }
}

/// One suite for every checkpoint store: what the agent relies on, asked of the SQLite file and its twin alike.
@Suite struct CheckpointStoreConformanceTests {
    private func checkpoint(
        _ inode: UInt64, offset: Int64, path: String = "/var/log/app.log", updated: Int64? = nil
    ) -> FileCheckpoint {
        FileCheckpoint(
            path: path, device: UInt64.max - 1, inode: inode, contentPrefix: Array("first line\n".utf8),
            offsetBytes: offset, sizeBytes: offset + 5, updatedMilliseconds: updated ?? 1_000 + offset)
    }

    @Test(arguments: CheckpointStoreKind.allCases)
    func checkpointsSurviveReopeningAndRowsAreReplacedByIdentity(kind: CheckpointStoreKind) async throws {
        let fixture = try CheckpointStoreFixture(kind)
        defer { fixture.remove() }
        let store = try await fixture.open()
        let started = try await store.startFlow("flow-a", streamName: "stream-a", nowMilliseconds: 5)
        #expect(started.isNew)
        try await store.save([checkpoint(1, offset: 10), checkpoint(2, offset: 20)], removing: [], flow: "flow-a")
        try await store.save([checkpoint(1, offset: 15, path: "/var/log/app.log.1")], removing: [], flow: "flow-a")
        try await store.save([], removing: [(device: UInt64.max - 1, inode: 2)], flow: "flow-a")
        try await store.recordError("ProvisionedThroughputExceededException: slow down", flow: "flow-a",
            nowMilliseconds: 9)
        await store.close()

        let reopened = try await fixture.open()
        let again = try await reopened.startFlow("flow-a", streamName: "stream-a", nowMilliseconds: 50)
        #expect(!again.isNew)
        #expect(again.record.firstStartedMilliseconds == 5)
        #expect(again.record.lastError == "ProvisionedThroughputExceededException: slow down")
        #expect(again.record.lastErrorMilliseconds == 9)
        let rows = try await reopened.checkpoints(flow: "flow-a")
        #expect(rows == [checkpoint(1, offset: 15, path: "/var/log/app.log.1")])
        #expect(try await reopened.checkpoints(flow: "flow-b").isEmpty)
        await reopened.close()
    }

    @Test(arguments: CheckpointStoreKind.allCases)
    func expiryRemovesOnlyOldRows(kind: CheckpointStoreKind) async throws {
        let fixture = try CheckpointStoreFixture(kind)
        defer { fixture.remove() }
        let store = try await fixture.open()
        try await store.save([checkpoint(1, offset: 10), checkpoint(2, offset: 500)], removing: [], flow: "flow")
        try await store.save([checkpoint(3, offset: 10)], removing: [], flow: "other")
        try await store.expire(before: 1_100)
        #expect(try await store.checkpoints(flow: "flow").map(\.inode) == [2])
        #expect(try await store.checkpoints(flow: "other").isEmpty)
        await store.close()
    }

    @Test(arguments: CheckpointStoreKind.allCases)
    func flowsAreListedByNameAndTheirErrorsSetAndCleared(kind: CheckpointStoreKind) async throws {
        let fixture = try CheckpointStoreFixture(kind)
        defer { fixture.remove() }
        let store = try await fixture.open()
        _ = try await store.startFlow("zeta", streamName: "s1", nowMilliseconds: 1)
        _ = try await store.startFlow("alpha", streamName: "s2", nowMilliseconds: 2)
        try await store.recordError("AccessDeniedException", flow: "zeta", nowMilliseconds: 30)
        // An error for a flow that never started changes nothing.
        try await store.recordError("lost", flow: "never-started", nowMilliseconds: 31)
        var records = try await store.flowRecords()
        #expect(records.map(\.flow) == ["alpha", "zeta"])
        #expect(records.map(\.streamName) == ["s2", "s1"])
        #expect(records[1].lastError == "AccessDeniedException")
        #expect(records[1].lastErrorMilliseconds == 30)
        try await store.recordError(nil, flow: "zeta", nowMilliseconds: 40)
        records = try await store.flowRecords()
        #expect(records[1].lastError == nil)
        #expect(records[1].lastErrorMilliseconds == nil)
        await store.close()
    }

    @Test(arguments: CheckpointStoreKind.allCases)
    func checkpointsComeOldestUpdateFirstAndFlowsKeepTheirOwn(kind: CheckpointStoreKind) async throws {
        let fixture = try CheckpointStoreFixture(kind)
        defer { fixture.remove() }
        let store = try await fixture.open()
        try await store.save(
            [
                checkpoint(1, offset: 1, path: "/logs/b", updated: 200),
                checkpoint(2, offset: 2, path: "/logs/c", updated: 100),
                checkpoint(3, offset: 3, path: "/logs/a", updated: 200),
            ], removing: [], flow: "flow")
        // The same file in another flow is another row.
        try await store.save([checkpoint(1, offset: 99, path: "/logs/b", updated: 50)], removing: [], flow: "other")
        #expect(try await store.checkpoints(flow: "flow").map(\.path) == ["/logs/c", "/logs/a", "/logs/b"])
        #expect(try await store.checkpoints(flow: "other").map(\.offsetBytes) == [99])
        // Removing and writing one identity in one save leaves the written row.
        try await store.save(
            [checkpoint(2, offset: 7, path: "/logs/c", updated: 300)], removing: [(device: UInt64.max - 1, inode: 2)],
            flow: "flow")
        #expect(try await store.checkpoints(flow: "flow").last?.offsetBytes == 7)
        await store.close()
    }

    @Test func anUnwritableFolderIsReportedWithTheKeyToChange() async throws {
        // Not even root can make folders under /proc.
        await #expect(throws: CheckpointStoreError.self) {
            _ = try await SQLiteCheckpointStore.open(path: "/proc/rivulet/checkpoints", logger: Logger(label: "test"))
        }
    }
}
