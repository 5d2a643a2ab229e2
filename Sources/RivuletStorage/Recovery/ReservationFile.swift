import Foundation

/// A shard's durable high-water mark, `reserved-positions` in its folder: no position at or above `position` was
/// ever handed out. While the shard runs it holds a bound reserved ahead of the appends (extended a block at a
/// time, made durable before any position of the new block is acknowledged); a clean close replaces it with the
/// exact next position. Recovery starts the shard at or above it, so a sequence number whose record was lost (a
/// torn or damaged last frame) is never given to new data. Replaced atomically like the catalog.
enum ReservationFile {
    static let fileName = "reserved-positions"
    static let formatVersion = 1

    struct Contents: Codable, Equatable {
        var version: Int = ReservationFile.formatVersion
        /// Every position handed out so far is below this.
        var position: UInt64
        /// True when written by a clean close: `position` is then the exact next position.
        var closedCleanly: Bool
    }

    static func path(in directory: String) -> String { FileSystemNames.join(directory, fileName) }

    /// The stored mark; nil when the folder has none (data from before the mark existed) or it is unreadable, in
    /// which case the scan of the segments is all recovery has.
    static func load(directory: String, fileSystem: any FileSystem) -> Contents? {
        guard let bytes = try? fileSystem.readWholeFile(atPath: path(in: directory)),
            let contents = try? JSONDecoder().decode(Contents.self, from: Data(bytes)),
            contents.version == formatVersion
        else { return nil }
        return contents
    }

    static func store(_ contents: Contents, directory: String, fileSystem: any FileSystem) throws {
        let bytes = try JSONEncoder().encode(contents)
        try fileSystem.replaceFileAtomically(atPath: path(in: directory), with: Array(bytes))
    }
}
