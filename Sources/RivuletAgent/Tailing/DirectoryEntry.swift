#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One name in a directory with what readdir says it is, so most entries need no stat of their own.
struct DirectoryEntry: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case directory
        case regularFile
        /// A symbolic link, or a file system that does not report types: stat decides.
        case unresolved
        case other
    }

    var name: String
    var kind: Kind
    /// The inode readdir reports, which with the directory's device identifies a subdirectory without a stat.
    var inode: UInt64

    /// More entries than this in one directory are not looked at, so a runaway directory cannot stall the poll.
    static let entriesPerDirectoryMax = 1_000_000

    /// The entries of a directory without "." and "..", or nil when it cannot be opened (missing, not a
    /// directory, no permission): for a pattern that only means nothing matches there now.
    static func list(directory path: String) -> [DirectoryEntry]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        while entries.count < entriesPerDirectoryMax, let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            entries.append(
                DirectoryEntry(name: name, kind: kind(ofType: entry.pointee.d_type), inode: UInt64(entry.pointee.d_ino)))
        }
        return entries
    }

    /// d_type values from <dirent.h>, identical on Linux and the BSDs.
    private static func kind(ofType type: UInt8) -> Kind {
        switch type {
        case 4: return .directory
        case 8: return .regularFile
        case 0, 10: return .unresolved
        default: return .other
        }
    }

    /// What a path is after following symbolic links, and which directory it is (for loop detection).
    static func resolve(path: String) -> (kind: Kind, identity: FileIdentity)? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        let identity = FileIdentity(device: UInt64(information.st_dev), inode: UInt64(information.st_ino))
        switch information.st_mode & S_IFMT {
        case S_IFDIR: return (.directory, identity)
        case S_IFREG: return (.regularFile, identity)
        default: return (.other, identity)
        }
    }
}
