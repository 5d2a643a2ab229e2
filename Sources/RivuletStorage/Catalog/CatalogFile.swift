import Foundation

/// The durable catalog: every stream's descriptor in one JSON file, replaced atomically on every change (write a
/// temporary file, fsync it, rename it over the old one, fsync the folder). A crash leaves either the old or the new
/// catalog, never a mix; a leftover temporary file is ignored and removed on open.
struct CatalogFile: Sendable {
    static let fileName = "catalog.json"
    static let formatVersion = 1

    private struct Contents: Codable {
        var version: Int
        var streams: [StreamDescriptor]
    }

    let directory: String
    let fileSystem: any FileSystem

    var path: String { FileSystemNames.join(directory, Self.fileName) }

    /// The stored descriptors; none when the catalog was never written.
    func load() throws -> [StreamDescriptor] {
        try? fileSystem.removeFile(atPath: path + FileSystemNames.temporarySuffix)
        guard let bytes = try fileSystem.readWholeFile(atPath: path) else { return [] }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: Data(bytes))
        } catch {
            throw StorageError.corrupt(path: path, detail: "unreadable catalog: \(error)")
        }
        guard contents.version == Self.formatVersion else {
            throw StorageError.corrupt(path: path, detail: "unknown catalog version \(contents.version)")
        }
        return contents.streams
    }

    func store(_ descriptors: [StreamDescriptor]) throws {
        let ordered = descriptors.sorted { $0.key.description < $1.key.description }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(Contents(version: Self.formatVersion, streams: ordered))
        } catch {
            preconditionFailure("stream descriptors always encode: \(error)")
        }
        try fileSystem.replaceFileAtomically(atPath: path, with: [UInt8](data))
    }
}
