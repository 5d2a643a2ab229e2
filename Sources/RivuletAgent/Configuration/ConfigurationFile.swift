import Foundation
import RivuletCore

/// One configuration file, read and parsed: agent.json or an agent.d/*.json beside it.
struct ConfigurationFile {
    let path: String
    let members: [JSONMember]

    /// The file's top-level object; nil, with the reason recorded, when it is missing, unreadable, too large, not
    /// JSON, or not an object.
    static func read(path: String, problems: inout [ConfigurationProblem]) -> ConfigurationFile? {
        func refuse(_ keyPath: String, _ expected: String) -> ConfigurationFile? {
            problems.append(ConfigurationProblem(keyPath: keyPath, value: nil, expected: expected))
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return refuse(path, "the configuration file does not exist")
        }
        guard !isDirectory.boolValue else { return refuse(path, "is a directory, not a configuration file") }
        let bytesMax = ConfigurationLimits.documentBytesMax
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= bytesMax else {
            return refuse(path, "the file is \(size) bytes; a configuration file is at most \(bytesMax)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return refuse(path, "the file cannot be read (check its permissions)")
        }
        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONDocumentParser.parse([UInt8](data))
        } catch {
            return refuse("\(path):\(error.line):\(error.column)", error.message)
        }
        guard case .object(let members) = document else {
            return refuse(path, "must hold one JSON object, { ... }")
        }
        return ConfigurationFile(path: path, members: members)
    }

    /// The `*.json` files in the `agent.d` folder beside `mainPath`, sorted by name; none when there is no such
    /// folder. Hidden files are left out: editors and tools leave them behind.
    static func fragmentPaths(beside mainPath: String, problems: inout [ConfigurationProblem]) -> [String] {
        let folder = (mainPath as NSString).deletingLastPathComponent
        let directory = (folder.isEmpty ? "." : folder) + "/agent.d"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            problems.append(
                ConfigurationProblem(
                    keyPath: directory, value: nil, expected: "the folder cannot be read (check its permissions)"))
            return []
        }
        let paths = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "\(directory)/\($0)" }
        let filesMax = ConfigurationLimits.fragmentFilesMax
        if paths.count > filesMax {
            problems.append(
                ConfigurationProblem(
                    keyPath: directory, value: nil,
                    expected: "holds \(paths.count) .json files; at most \(filesMax) are read"))
            return Array(paths.prefix(filesMax))
        }
        return paths
    }
}
