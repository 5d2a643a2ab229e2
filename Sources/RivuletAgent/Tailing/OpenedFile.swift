#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tailed file held open by descriptor. Reading by descriptor rather than by name is what lets the agent finish
/// a file after it was rotated away: the name may now point elsewhere, the descriptor still reads the old bytes.
/// Reads are positional (pread), so the caller owns the offset and nothing depends on the descriptor's position.
public final class OpenedFile {
    public let path: String
    public private(set) var descriptor: Int32

    /// Opens for reading only, not inherited by child processes.
    public init(path: String) throws(FileReadError) {
        var opened: Int32
        repeat {
            opened = open(path, O_RDONLY | O_CLOEXEC)
        } while opened < 0 && errno == EINTR
        guard opened >= 0 else { throw FileReadError(operation: "open", path: path, errorNumber: errno) }
        self.path = path
        self.descriptor = opened
    }

    deinit {
        if descriptor >= 0 { closeDescriptor(descriptor) }
    }

    public var isOpen: Bool { descriptor >= 0 }

    /// Reads up to `buffer.count` bytes at `offsetBytes` into the start of `buffer`, which the caller keeps and
    /// reuses across reads; returns how many were read, 0 at the end of the file.
    public func read(at offsetBytes: Int64, into buffer: inout [UInt8]) throws(FileReadError) -> Int {
        precondition(offsetBytes >= 0, "a file offset is never negative")
        precondition(isOpen, "read from \(path) after close")
        let capacityBytes = buffer.count
        guard capacityBytes > 0 else { return 0 }
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress!, capacityBytes, off_t(offsetBytes))
            }
            if count >= 0 { return count }
            if errno != EINTR { throw FileReadError(operation: "read", path: path, errorNumber: errno) }
        }
    }

    /// Reads up to `maxBytes` at `offsetBytes` into a new array of exactly the bytes read (empty at the end of
    /// the file). One allocation per call, no copy.
    public func read(at offsetBytes: Int64, maxBytes: Int) throws(FileReadError) -> [UInt8] {
        precondition(offsetBytes >= 0, "a file offset is never negative")
        precondition(maxBytes >= 0, "a read size is never negative")
        precondition(isOpen, "read from \(path) after close")
        let descriptor = self.descriptor
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: maxBytes) { buffer, initializedCount in
            initializedCount = 0
            guard maxBytes > 0 else { return }
            while true {
                let count = pread(descriptor, buffer.baseAddress!, maxBytes, off_t(offsetBytes))
                if count >= 0 {
                    initializedCount = count
                    return
                }
                if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw FileReadError(operation: "read", path: path, errorNumber: failure) }
        return bytes
    }

    /// The status of the open file itself, whatever its name now points to.
    public func status() throws(FileReadError) -> FileStatus {
        precondition(isOpen, "status of \(path) after close")
        guard let status = FileStatus.of(descriptor: descriptor) else {
            throw FileReadError(operation: "stat", path: path, errorNumber: errno)
        }
        return status
    }

    /// The first bytes of the open file.
    public func fingerprint() throws(FileReadError) -> FileFingerprint {
        precondition(isOpen, "fingerprint of \(path) after close")
        do {
            return try FileFingerprint.read(descriptor: descriptor)
        } catch {
            throw FileReadError(operation: error.operation, path: path, errorNumber: error.errorNumber)
        }
    }

    /// Closes the descriptor; closing twice is harmless. Errors from close on a read-only file carry no lost
    /// data, so they are not reported.
    public func close() {
        guard descriptor >= 0 else { return }
        closeDescriptor(descriptor)
        descriptor = -1
    }
}

/// The C library's close, named apart from `OpenedFile.close()`.
private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
    #endif
}
