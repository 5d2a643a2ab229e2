import Foundation
import Testing

/// A fresh directory under the system's temporary directory for one test, removed by `remove()`.
struct TailingScratchDirectory {
    let path: String

    init() throws {
        // Resolve symbolic links (e.g. /tmp on macOS) so paths compare equal to what a walk finds.
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
        path = base + "/tailing-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ relativePath: String) -> String { path + "/" + relativePath }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let filePath = file(relativePath)
        let directory = (filePath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: filePath))
        return filePath
    }

    func makeDirectory(_ relativePath: String) throws {
        try FileManager.default.createDirectory(atPath: file(relativePath), withIntermediateDirectories: true)
    }

    func link(_ relativePath: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: file(relativePath), withDestinationPath: destination)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

@Suite struct TailingScratchDirectoryTests {
    @Test func writesFilesInNewSubdirectories() throws {
        let scratch = try TailingScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a/b/c.log", "x\n")
        #expect(FileManager.default.contents(atPath: path) == Data("x\n".utf8))
    }
}
