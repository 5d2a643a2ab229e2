#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call on a tailed file, with the file and the system's reason.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, e.g. "open" or "read".
    public var operation: String
    public var path: String
    public var errorNumber: Int32

    public init(operation: String, path: String, errorNumber: Int32) {
        self.operation = operation
        self.path = path
        self.errorNumber = errorNumber
    }

    /// True when the file is gone (rotated away or deleted between listing and opening): expected, not a fault.
    public var isMissingFile: Bool { errorNumber == ENOENT }

    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(errorNumber))) (errno \(errorNumber))"
    }
}
