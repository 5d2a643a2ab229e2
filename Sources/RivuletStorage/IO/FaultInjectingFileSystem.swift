import Synchronization

/// A file system that behaves like the one it wraps until told to fail: the test twin for disk-full and I/O errors.
///
/// Each injected fault fires once, on the first matching operation after `skipping` matches, and then disarms.
public final class FaultInjectingFileSystem: FileSystem {
    public enum Operation: Sendable, Equatable {
        /// A write that stores `bytesWrittenBeforeFailure` bytes (capped at the request) and then fails, as a write
        /// that runs out of space part way does.
        case write(bytesWrittenBeforeFailure: Int)
        case synchronize
        case open
    }

    public struct Fault: Sendable {
        public var operation: Operation
        public var errno: Int32
        /// Only operations on a path containing this text match; nil matches every path.
        public var pathContaining: String?
        /// How many matching operations succeed before this one fails.
        public var skipping: Int

        public init(_ operation: Operation, errno: Int32, pathContaining: String? = nil, skipping: Int = 0) {
            self.operation = operation
            self.errno = errno
            self.pathContaining = pathContaining
            self.skipping = skipping
        }
    }

    private let base: any FileSystem
    private let faults = Mutex<[Fault]>([])
    private let firedCount = Atomic<Int>(0)

    public init(wrapping base: any FileSystem = PosixFileSystem()) {
        self.base = base
    }

    public func inject(_ fault: Fault) {
        faults.withLock { $0.append(fault) }
    }

    /// How many injected faults have fired so far.
    public var faultsFired: Int { firedCount.load(ordering: .relaxed) }

    /// Removes the first armed fault matching this operation and path, counting down its skips; returns it if it fires.
    private func take(_ matches: (Operation) -> Bool, path: String) -> Fault? {
        let fired: Fault? = faults.withLock { armed in
            guard
                let position = armed.firstIndex(where: { fault in
                    matches(fault.operation) && (fault.pathContaining.map { path.contains($0) } ?? true)
                })
            else { return nil }
            if armed[position].skipping > 0 {
                armed[position].skipping -= 1
                return nil
            }
            return armed.remove(at: position)
        }
        if fired != nil { firedCount.add(1, ordering: .relaxed) }
        return fired
    }

    public func openFile(atPath path: String, creating: Bool) throws -> OpenFile {
        if let fault = take({ $0 == .open }, path: path) {
            throw StorageError.io(operation: "open", path: path, errno: fault.errno)
        }
        return try base.openFile(atPath: path, creating: creating)
    }

    public func write(_ bytes: UnsafeRawBufferPointer, to file: OpenFile, at offset: Int64) throws {
        let fault = take(
            {
                if case .write = $0 { return true }
                return false
            }, path: file.path)
        guard let fault else { return try base.write(bytes, to: file, at: offset) }
        if case .write(let partial) = fault.operation, partial > 0 {
            try base.write(UnsafeRawBufferPointer(rebasing: bytes.prefix(partial)), to: file, at: offset)
        }
        throw StorageError.io(operation: "pwrite", path: file.path, errno: fault.errno)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer, from file: OpenFile, at offset: Int64) throws -> Int {
        try base.read(into: buffer, from: file, at: offset)
    }

    public func synchronize(_ file: OpenFile) throws {
        if let fault = take({ $0 == .synchronize }, path: file.path) {
            throw StorageError.io(operation: "fdatasync", path: file.path, errno: fault.errno)
        }
        try base.synchronize(file)
    }

    public func truncate(_ file: OpenFile, toBytes size: Int64) throws {
        try base.truncate(file, toBytes: size)
    }

    public func sizeBytes(of file: OpenFile) throws -> Int64 {
        try base.sizeBytes(of: file)
    }

    public func createDirectory(atPath path: String) throws {
        try base.createDirectory(atPath: path)
    }

    public func synchronizeDirectory(atPath path: String) throws {
        try base.synchronizeDirectory(atPath: path)
    }

    public func contentsOfDirectory(atPath path: String) throws -> [String] {
        try base.contentsOfDirectory(atPath: path)
    }

    public func rename(atPath source: String, toPath destination: String) throws {
        try base.rename(atPath: source, toPath: destination)
    }

    public func removeFile(atPath path: String) throws {
        try base.removeFile(atPath: path)
    }

    public func removeTree(atPath path: String) throws {
        try base.removeTree(atPath: path)
    }

    public func fileExists(atPath path: String) -> Bool {
        base.fileExists(atPath: path)
    }
}
