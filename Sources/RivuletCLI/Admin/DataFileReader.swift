import ArgumentParser
import Foundation

/// Reads a record's data from a file, refusing one larger than any record can be before reading it into memory.
enum DataFileReader {
    static func read(_ path: String) throws -> [UInt8] {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw ValidationError("cannot read --data-file \(path): \(error.localizedDescription)")
        }
        guard size <= AdminLimits.dataFileBytesMax else {
            throw ValidationError(
                "--data-file \(path) holds \(size) bytes; a record holds at most \(AdminLimits.dataFileBytesMax)")
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read --data-file \(path)")
        }
        return Array(contents)
    }
}
