/// The file operations the store performs, behind a protocol so tests can inject failures.
///
/// Every method throws `StorageError.io` naming the operation, the path and the errno. Writes are all or nothing from
/// the caller's view: a method that cannot write every byte throws, and the caller truncates back to what it knows
/// is good.
public protocol FileSystem: Sendable {
    /// Opens a file for reading and writing, creating it (empty) if `creating` is set and it does not exist.
    func openFile(atPath path: String, creating: Bool) throws -> OpenFile

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, to file: OpenFile, at offset: Int64) throws

    /// Reads up to `buffer.count` bytes at `offset`; returns fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, from file: OpenFile, at offset: Int64) throws -> Int

    /// Makes the file's data durable (fdatasync).
    func synchronize(_ file: OpenFile) throws

    func truncate(_ file: OpenFile, toBytes size: Int64) throws

    func sizeBytes(of file: OpenFile) throws -> Int64

    /// Creates a directory and any missing parents.
    func createDirectory(atPath path: String) throws

    /// Makes a directory's entries (created, renamed, removed files) durable.
    func synchronizeDirectory(atPath path: String) throws

    /// Names of the entries in a directory, without "." and "..".
    func contentsOfDirectory(atPath path: String) throws -> [String]

    /// Atomically replaces `destination` with `source`.
    func rename(atPath source: String, toPath destination: String) throws

    /// Removes a file; a file that is already gone is not an error.
    func removeFile(atPath path: String) throws

    /// Removes a directory and everything below it; a directory that is already gone is not an error.
    func removeTree(atPath path: String) throws

    func fileExists(atPath path: String) -> Bool
}

extension FileSystem {
    /// Reads a whole small file (catalog, segment index), or returns nil if it does not exist.
    public func readWholeFile(atPath path: String) throws -> [UInt8]? {
        guard fileExists(atPath: path) else { return nil }
        let file = try openFile(atPath: path, creating: false)
        let size = Int(try sizeBytes(of: file))
        var bytes = [UInt8](repeating: 0, count: size)
        let count = try bytes.withUnsafeMutableBytes { try read(into: $0, from: file, at: 0) }
        return count == size ? bytes : Array(bytes[0..<count])
    }

    /// Writes a small file so that it is either wholly the old or wholly the new content after a crash: write a
    /// temporary file, make it durable, rename it over the old one, and make the rename durable.
    public func replaceFileAtomically(atPath path: String, with bytes: [UInt8]) throws {
        let temporaryPath = path + FileSystemNames.temporarySuffix
        do {
            let file = try openFile(atPath: temporaryPath, creating: true)
            try truncate(file, toBytes: 0)
            try bytes.withUnsafeBytes { try write($0, to: file, at: 0) }
            try synchronize(file)
        } catch {
            try? removeFile(atPath: temporaryPath)
            throw error
        }
        try rename(atPath: temporaryPath, toPath: path)
        try synchronizeDirectory(atPath: FileSystemNames.parent(of: path))
    }
}

/// Path helpers shared by the file system users; kept free of Foundation.
enum FileSystemNames {
    /// Suffix of files being written before they are renamed into place; leftovers are ignored and removed.
    static let temporarySuffix = ".tmp"

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
