#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says about a file, reduced to what tracking it needs.
public struct FileStatus: Sendable, Hashable {
    public var identity: FileIdentity
    public var sizeBytes: Int64
    public var modifiedMilliseconds: Int64
    public var isRegularFile: Bool

    public init(identity: FileIdentity, sizeBytes: Int64, modifiedMilliseconds: Int64, isRegularFile: Bool) {
        self.identity = identity
        self.sizeBytes = sizeBytes
        self.modifiedMilliseconds = modifiedMilliseconds
        self.isRegularFile = isRegularFile
    }

    /// The status of the file a path names, following symbolic links; nil when nothing is there (or it cannot be
    /// looked at), which for a tailed file means it was rotated away or deleted.
    public static func of(path: String) -> FileStatus? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        return FileStatus(information)
    }

    /// The status of an open file, which stays reachable after its name was renamed or removed.
    public static func of(descriptor: Int32) -> FileStatus? {
        var information = stat()
        guard fstat(descriptor, &information) == 0 else { return nil }
        return FileStatus(information)
    }

    init(_ information: stat) {
        identity = FileIdentity(device: UInt64(information.st_dev), inode: UInt64(information.st_ino))
        sizeBytes = Int64(information.st_size)
        #if canImport(Darwin)
            let modified = information.st_mtimespec
        #else
            let modified = information.st_mtim
        #endif
        modifiedMilliseconds = Int64(modified.tv_sec) * 1000 + Int64(modified.tv_nsec) / 1_000_000
        isRegularFile = (information.st_mode & S_IFMT) == S_IFREG
    }
}
