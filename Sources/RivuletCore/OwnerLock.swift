#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive claim on a piece of state (a data directory, a checkpoint database) by one process.
///
/// Two processes working on the same files corrupt each other without either noticing: one deletes what the other
/// created, both append to the same log. The claim is an advisory `flock` on a lock file, which the kernel drops
/// when the process exits however it exits (kill -9 included), so a crash never leaves a stale lock behind. The
/// holder's pid is written into the file so the refusal can name the process that holds it.
///
/// A `flock` belongs to one open file description, so a second claim from the same process is refused too: a test
/// can open the same directory twice and see the refusal.
public final class OwnerLock: Sendable {
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock at `path`, creating the file if needed, or throws `OwnerLockError.held` at once (never waits).
    public static func acquire(path: String) throws(OwnerLockError) -> OwnerLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            let holder = readProcessIdentifier(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw .held(path: path, processIdentifier: holder) }
            throw .unavailable(path: path, reason: String(cString: strerror(code)))
        }
        writeProcessIdentifier(descriptor)
        return OwnerLock(path: path, descriptor: descriptor)
    }

    private static func readProcessIdentifier(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = buffer[0..<count].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return Int32(String(decoding: digits, as: UTF8.self))
    }

    /// The pid is a courtesy for the message; the lock itself is what counts, so a failed write is ignored.
    private static func writeProcessIdentifier(_ descriptor: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}

/// Why `OwnerLock.acquire` refused.
public enum OwnerLockError: Error, Equatable, CustomStringConvertible {
    /// Another process (or another open in this one) holds the lock.
    case held(path: String, processIdentifier: Int32?)
    /// The lock file could not be opened or locked.
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .held(let path, let processIdentifier?):
            "\(path) is held by another running process (pid \(processIdentifier)); stop it or use another directory"
        case .held(let path, nil):
            "\(path) is held by another running process; stop it or use another directory"
        case .unavailable(let path, let reason):
            "cannot lock \(path): \(reason)"
        }
    }
}
