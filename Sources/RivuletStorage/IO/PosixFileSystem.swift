#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real file system, through POSIX calls.
public struct PosixFileSystem: FileSystem {
    /// Permissions of created files and directories, before the umask.
    private static let fileMode: mode_t = 0o644
    private static let directoryMode: mode_t = 0o755

    public init() {}

    public func openFile(atPath path: String, creating: Bool) throws -> OpenFile {
        let flags = O_RDWR | O_CLOEXEC | (creating ? O_CREAT : 0)
        let descriptor = retryingInterrupts { open(path, flags, Self.fileMode) }
        guard descriptor >= 0 else { throw failure("open", path) }
        return OpenFile(descriptor: descriptor, path: path)
    }

    public func write(_ bytes: UnsafeRawBufferPointer, to file: OpenFile, at offset: Int64) throws {
        var written = 0
        while written < bytes.count {
            let result = pwrite(
                file.descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset) + off_t(written))
            if result < 0 {
                if errno == EINTR { continue }
                throw failure("pwrite", file.path)
            }
            written += result
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer, from file: OpenFile, at offset: Int64) throws -> Int {
        var total = 0
        while total < buffer.count {
            let result = pread(
                file.descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
            if result < 0 {
                if errno == EINTR { continue }
                throw failure("pread", file.path)
            }
            if result == 0 { break }
            total += result
        }
        return total
    }

    public func synchronize(_ file: OpenFile) throws {
        #if canImport(Glibc)
            let result = retryingInterrupts { fdatasync(file.descriptor) }
        #else
            let result = retryingInterrupts { fsync(file.descriptor) }
        #endif
        guard result == 0 else { throw failure("fdatasync", file.path) }
    }

    public func truncate(_ file: OpenFile, toBytes size: Int64) throws {
        guard retryingInterrupts({ ftruncate(file.descriptor, off_t(size)) }) == 0 else {
            throw failure("ftruncate", file.path)
        }
    }

    public func sizeBytes(of file: OpenFile) throws -> Int64 {
        var status = stat()
        guard fstat(file.descriptor, &status) == 0 else { throw failure("fstat", file.path) }
        return Int64(status.st_size)
    }

    public func createDirectory(atPath path: String) throws {
        if isDirectory(path) { return }
        let parent = FileSystemNames.parent(of: path)
        if parent != path, !parent.isEmpty, !isDirectory(parent) {
            try createDirectory(atPath: parent)
        }
        guard mkdir(path, Self.directoryMode) == 0 || errno == EEXIST else { throw failure("mkdir", path) }
    }

    public func synchronizeDirectory(atPath path: String) throws {
        let descriptor = retryingInterrupts { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { close(descriptor) }
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw failure("fsync", path) }
    }

    public func contentsOfDirectory(atPath path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw failure("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func rename(atPath source: String, toPath destination: String) throws {
        #if canImport(Glibc)
            let result = Glibc.rename(source, destination)
        #else
            let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw failure("rename", source) }
    }

    public func removeFile(atPath path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("unlink", path) }
    }

    public func removeTree(atPath path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw failure("lstat", path)
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            try removeFile(atPath: path)
            return
        }
        for name in try contentsOfDirectory(atPath: path) {
            try removeTree(atPath: FileSystemNames.join(path, name))
        }
        guard rmdir(path) == 0 || errno == ENOENT else { throw failure("rmdir", path) }
    }

    public func fileExists(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private func failure(_ operation: String, _ path: String) -> StorageError {
        .io(operation: operation, path: path, errno: errno)
    }

    private func retryingInterrupts(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
