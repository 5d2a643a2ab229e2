import RivuletCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct OwnerLockTests {
    private func temporaryPath() -> String {
        "/tmp/rivulet-owner-lock-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).lock"
    }

    @Test func aSecondClaimIsRefusedWithTheHoldersPid() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        let first = try OwnerLock.acquire(path: path)
        #expect(throws: OwnerLockError.held(path: path, processIdentifier: getpid())) {
            _ = try OwnerLock.acquire(path: path)
        }
        withExtendedLifetime(first) {}
    }

    @Test func releasingTheClaimLetsTheNextOneIn() throws {
        let path = temporaryPath()
        defer { unlink(path) }
        var first: OwnerLock? = try OwnerLock.acquire(path: path)
        #expect(first != nil)
        first = nil
        let second = try OwnerLock.acquire(path: path)
        #expect(second.path == path)
    }

    @Test func aMissingFolderIsUnavailableNotHeld() {
        let path = "/tmp/rivulet-no-such-folder-\(getpid())/x.lock"
        #expect(throws: OwnerLockError.unavailable(path: path, reason: "No such file or directory")) {
            _ = try OwnerLock.acquire(path: path)
        }
    }
}
