import Foundation
import RivuletStorage

/// A fresh folder under the system's temporary directory, removed with everything in it when released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("rivulet-storage-tests")
        let url = base.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? PosixFileSystem().removeTree(atPath: path)
    }

    /// Every file below the folder whose name ends with `suffix`, sorted by path.
    func files(endingWith suffix: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(suffix) { found.append(path + "/" + relative) }
        }
        return found.sorted()
    }
}
