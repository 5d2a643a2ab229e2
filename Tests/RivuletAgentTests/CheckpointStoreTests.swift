import Foundation
import Logging
import Testing

@testable import RivuletAgent

@Suite struct CheckpointStoreTests {
    private func checkpoint(_ inode: UInt64, offset: Int64, path: String = "/var/log/app.log") -> FileCheckpoint {
        FileCheckpoint(
            path: path, device: UInt64.max - 1, inode: inode, contentPrefix: Array("first line\n".utf8),
            offsetBytes: offset, sizeBytes: offset + 5, updatedMilliseconds: 1_000 + offset)
    }

    @Test func checkpointsSurviveReopeningAndRowsAreReplacedByIdentity() async throws {
        let directory = try TailingScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("nested/state/checkpoints")
        let store = try await CheckpointStore.open(path: path, logger: Logger(label: "test"))
        let started = try await store.startFlow("flow-a", streamName: "stream-a", nowMilliseconds: 5)
        #expect(started.isNew)
        try await store.save([checkpoint(1, offset: 10), checkpoint(2, offset: 20)], removing: [], flow: "flow-a")
        try await store.save([checkpoint(1, offset: 15, path: "/var/log/app.log.1")], removing: [], flow: "flow-a")
        try await store.save([], removing: [(device: UInt64.max - 1, inode: 2)], flow: "flow-a")
        try await store.recordError("ProvisionedThroughputExceededException: slow down", flow: "flow-a",
            nowMilliseconds: 9)
        await store.close()

        let reopened = try await CheckpointStore.open(path: path, logger: Logger(label: "test"))
        let again = try await reopened.startFlow("flow-a", streamName: "stream-a", nowMilliseconds: 50)
        #expect(!again.isNew)
        #expect(again.record.firstStartedMilliseconds == 5)
        #expect(again.record.lastError == "ProvisionedThroughputExceededException: slow down")
        let rows = try await reopened.checkpoints(flow: "flow-a")
        #expect(rows == [checkpoint(1, offset: 15, path: "/var/log/app.log.1")])
        #expect(try await reopened.checkpoints(flow: "flow-b").isEmpty)
        await reopened.close()
    }

    @Test func expiryRemovesOnlyOldRows() async throws {
        let directory = try TailingScratchDirectory()
        defer { directory.remove() }
        let store = try await CheckpointStore.open(path: directory.file("checkpoints"), logger: Logger(label: "test"))
        try await store.save([checkpoint(1, offset: 10), checkpoint(2, offset: 500)], removing: [], flow: "flow")
        try await store.expire(before: 1_100)
        #expect(try await store.checkpoints(flow: "flow").map(\.inode) == [2])
        await store.close()
    }

    @Test func anUnwritableFolderIsReportedWithTheKeyToChange() async throws {
        // Not even root can make folders under /proc.
        await #expect(throws: CheckpointStoreError.self) {
            _ = try await CheckpointStore.open(path: "/proc/rivulet/checkpoints", logger: Logger(label: "test"))
        }
    }
}
