import Foundation
import Testing

@testable import RivuletAgent

@Suite struct TailingFileIdentityTests {
    @Test func describesAFileBySizeTypeAndTime() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "hello\n")
        let status = try #require(FileStatus.of(path: path))
        #expect(status.sizeBytes == 6)
        #expect(status.isRegularFile)
        let nowMilliseconds = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(abs(status.modifiedMilliseconds - nowMilliseconds) < 60_000)
        #expect(FileStatus.of(path: scratch.path)?.isRegularFile == false)
        #expect(FileStatus.of(path: scratch.file("missing")) == nil)
    }

    @Test func keepsItsIdentityAcrossRenameAndAfterUnlinkWhileOpen() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "one\n")
        let opened = try OpenedFile(path: path)
        let before = try #require(FileStatus.of(path: path)).identity
        try FileManager.default.moveItem(atPath: path, toPath: scratch.file("a.log.1"))
        #expect(FileStatus.of(path: path) == nil)
        #expect(FileStatus.of(path: scratch.file("a.log.1"))?.identity == before)
        try FileManager.default.removeItem(atPath: scratch.file("a.log.1"))
        #expect(try opened.status().identity == before)
        #expect(try opened.status().sizeBytes == 4)
        opened.close()
    }

    @Test func changesIdentityWhenTheNameIsRecreated() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "one\n")
        // Held open so the old inode cannot be handed to the new file.
        let old = try OpenedFile(path: path)
        defer { old.close() }
        try FileManager.default.moveItem(atPath: path, toPath: scratch.file("a.log.1"))
        try scratch.write("a.log", "two\n")
        let recreated = try #require(FileStatus.of(path: path))
        #expect(recreated.identity != (try old.status()).identity)
        #expect(FileStatus.of(descriptor: old.descriptor)?.identity == FileStatus.of(path: scratch.file("a.log.1"))?.identity)
    }
}

@Suite struct TailingFileFingerprintTests {
    private func fingerprint(_ path: String) throws -> FileFingerprint {
        let opened = try OpenedFile(path: path)
        defer { opened.close() }
        return try opened.fingerprint()
    }

    @Test func aCopyHasTheSamePrefixAndANewFileDoesNot() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let content = (0..<100).map { "2024-05-01 line \($0)\n" }.joined()
        let original = try scratch.write("a.log", content)
        let before = try fingerprint(original)
        #expect(before.lengthBytes == FileFingerprint.lengthBytes)
        // copytruncate: the copy holds the old bytes, the original starts again empty.
        try FileManager.default.copyItem(atPath: original, toPath: scratch.file("a.log.1"))
        try Data().write(to: URL(fileURLWithPath: original))
        #expect(try fingerprint(scratch.file("a.log.1")).sameContentPrefix(as: before))
        let emptied = try fingerprint(original)
        #expect(emptied.isEmpty)
        #expect(!emptied.sameContentPrefix(as: before))
        try scratch.write("a.log", "2024-05-02 other\n")
        #expect(!(try fingerprint(original)).sameContentPrefix(as: before))
    }

    @Test func aGrownFileStillMatchesItsShortFingerprint() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "short\n")
        let early = try fingerprint(path)
        #expect(early.lengthBytes == 6)
        try scratch.write("a.log", "short\n" + String(repeating: "more\n", count: 300))
        let later = try fingerprint(path)
        #expect(later.lengthBytes == 512)
        #expect(early.sameContentPrefix(as: later))
        #expect(later.sameContentPrefix(as: early))
    }

    @Test func aReusedInodeWithOtherContentDoesNotMatch() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "first file\n")
        let old = try fingerprint(path)
        try FileManager.default.removeItem(atPath: path)
        try scratch.write("a.log", "second file\n")
        #expect(!(try fingerprint(path)).sameContentPrefix(as: old))
    }

    @Test func roundTripsThroughStorage() throws {
        let bytes: [UInt8] = Array("hello".utf8)
        let stored = FileFingerprint(storedPrefix: bytes)
        #expect(stored.prefixBytes == bytes)
        #expect(stored.hexDigest == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(FileFingerprint(storedPrefix: [UInt8](repeating: 1, count: 2000)).lengthBytes == 512)
        #expect(!FileFingerprint(storedPrefix: []).sameContentPrefix(as: FileFingerprint(storedPrefix: [])))
    }
}

@Suite struct TailingOpenedFileTests {
    @Test func readsAtOffsetsUntilTheEnd() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "0123456789")
        let opened = try OpenedFile(path: path)
        defer { opened.close() }
        #expect(try opened.read(at: 0, maxBytes: 4) == Array("0123".utf8))
        #expect(try opened.read(at: 8, maxBytes: 4) == Array("89".utf8))
        #expect(try opened.read(at: 10, maxBytes: 4).isEmpty)
        var buffer = [UInt8](repeating: 0, count: 3)
        #expect(try opened.read(at: 5, into: &buffer) == 3)
        #expect(buffer == Array("567".utf8))
    }

    @Test func keepsReadingTheOldFileAfterRotation() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.log", "old\n")
        let opened = try OpenedFile(path: path)
        try FileManager.default.moveItem(atPath: path, toPath: scratch.file("a.log.1"))
        try scratch.write("a.log", "new\n")
        #expect(try opened.read(at: 0, maxBytes: 100) == Array("old\n".utf8))
        opened.close()
        opened.close()
        #expect(!opened.isOpen)
    }

    @Test func reportsAMissingFileWithItsPath() throws {
        let path = "/nonexistent-\(UUID().uuidString)/a.log"
        do {
            _ = try OpenedFile(path: path)
            Issue.record("opening a missing file succeeded")
        } catch {
            #expect(error.isMissingFile)
            #expect(error.description.contains(path))
            #expect(error.description.contains("No such file"))
        }
    }
}
