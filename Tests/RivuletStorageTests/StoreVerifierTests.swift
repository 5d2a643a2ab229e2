import Foundation
import RivuletCore
import RivuletStorage
import Testing

/// `StoreVerifier` reads every frame of a store without changing a byte, and says where damage is.
@Suite struct StoreVerifierTests {
    private func closedStore() async throws -> (StoreFixture, [String]) {
        let fixture = try StoreFixture(.file, configuration: StoreConfiguration(segmentBytesMax: 400))
        let store = try await fixture.openFileStore()
        let descriptor = makeDescriptor(shardCount: 2, clock: fixture.clock)
        try await store.createStream(descriptor)
        for batch in 0..<20 {
            let records = makeRecords((batch * 2)..<(batch * 2 + 2), dataBytes: 30)
            _ = try await store.append(descriptor.key, [ShardAppend(shardIndex: 0, records: records)])
        }
        try await store.close()
        // Shard 0's segments; shard 1 holds one empty segment.
        return (fixture, fixture.directory.files(endingWith: ".log").filter { $0.contains("shardId-000000000000") })
    }

    /// Names, sizes and modification times of every file: what a read-only check must leave as it was.
    private func snapshot(_ directory: TemporaryDirectory) throws -> [String: [String]] {
        var files: [String: [String]] = [:]
        for path in directory.files(endingWith: "") {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            files[path] = ["\(attributes[.size] ?? "")", "\(attributes[.modificationDate] ?? "")"]
        }
        return files
    }

    @Test func aStoreWithoutDamageIsClean() async throws {
        let (fixture, segments) = try await closedStore()
        let report = try StoreVerifier(directory: fixture.directory.path).verify()
        #expect(report.isClean)
        #expect(report.findings.isEmpty)
        #expect(report.shardCount == 2)
        #expect(report.segmentCount == segments.count + 1)
    }

    @Test func aFlippedByteIsReportedWithSegmentOffsetAndPositionsWithoutChangingAnything() async throws {
        let (fixture, segments) = try await closedStore()
        let frames = try SegmentDamage.frames(of: segments[0])
        try SegmentDamage.flipByte(in: segments[0], at: frames[1].offset + 30)
        let before = try snapshot(fixture.directory)

        let report = try StoreVerifier(directory: fixture.directory.path).verify()
        #expect(!report.isClean)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.kind == .damage)
        #expect(finding.shard.hasSuffix("/shardId-000000000000"))
        #expect(finding.segmentFirstPosition == 0)
        #expect(finding.startOffset == Int64(frames[1].offset))
        #expect(finding.endOffset == Int64(frames[2].offset))
        #expect(finding.fromPosition == frames[1].firstPosition)
        #expect(finding.toPosition == frames[2].firstPosition)
        #expect(finding.reason == "frame checksum mismatch")
        #expect(!finding.isRecorded)
        #expect(try snapshot(fixture.directory) == before, "verification writes nothing")

        // Once the store has met the damage and recorded it, the report says so.
        let store = try await fixture.openFileStore()
        _ = try await store.readAll(makeDescriptor(shardCount: 2, clock: fixture.clock).key, shardIndex: 0)
        try await store.close()
        #expect(try StoreVerifier(directory: fixture.directory.path).verify().findings.first?.isRecorded == true)
    }

    @Test func aTornTailIsReportedButIsNotDamage() async throws {
        let (fixture, segments) = try await closedStore()
        try SegmentDamage.cut(segments[segments.count - 1], bytes: 5)
        let report = try StoreVerifier(directory: fixture.directory.path).verify()
        #expect(report.isClean)
        #expect(report.findings.map(\.kind) == [.tornTail])
    }

    @Test func aFolderWithoutAStoreCannotBeChecked() throws {
        let empty = try TemporaryDirectory()
        #expect(throws: VerificationFailure.self) { try StoreVerifier(directory: empty.path + "/missing").verify() }
    }
}
