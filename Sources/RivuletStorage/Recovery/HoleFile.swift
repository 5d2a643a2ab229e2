import Foundation
import RivuletCore

/// A shard's recorded holes, `holes.json` in its folder, replaced atomically (temporary file, fsync, rename, fsync
/// of the folder) so a crash leaves the old list or the new one. The list is a record, not a dependency: a lost or
/// unreadable file only means readers find the damage again (and record it again) when they reach it.
enum HoleFile {
    static let fileName = "holes.json"
    static let formatVersion = 1

    private struct Contents: Codable {
        var version: Int
        var holes: [PositionHole]
    }

    static func path(in directory: String) -> String { FileSystemNames.join(directory, fileName) }

    /// The recorded holes in position order; nil when the file exists but cannot be read as a hole list.
    static func load(directory: String, fileSystem: any FileSystem) -> [PositionHole]? {
        guard let bytes = try? fileSystem.readWholeFile(atPath: path(in: directory)) else { return [] }
        guard let contents = try? JSONDecoder().decode(Contents.self, from: Data(bytes)),
            contents.version == formatVersion
        else { return nil }
        return contents.holes.sorted { $0.fromPosition < $1.fromPosition }
    }

    static func store(_ holes: [PositionHole], directory: String, fileSystem: any FileSystem) throws {
        precondition(holes.count <= Limits.shardHolesMax, "the hole list is bounded before it is stored")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = try encoder.encode(Contents(version: formatVersion, holes: holes))
        try fileSystem.replaceFileAtomically(atPath: path(in: directory), with: Array(bytes))
    }
}
