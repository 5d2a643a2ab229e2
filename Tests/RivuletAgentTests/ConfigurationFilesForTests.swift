import Foundation

@testable import RivuletAgent

/// A fresh folder holding an agent.json (and, when given, agent.d files), removed when released.
final class ConfigurationFolder {
    let path: String
    var mainPath: String { path + "/agent.json" }
    var fragmentFolder: String { path + "/agent.d" }

    init() {
        path = FileManager.default.temporaryDirectory.path + "/rivulet-configuration-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func writeMain(_ text: String) {
        write(text, to: mainPath)
    }

    func writeFragment(named name: String, _ text: String) {
        try! FileManager.default.createDirectory(atPath: fragmentFolder, withIntermediateDirectories: true)
        write(text, to: fragmentFolder + "/" + name)
    }

    func write(_ text: String, to filePath: String) {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: filePath))
    }

    func load() throws(AgentConfigurationError) -> AgentConfiguration {
        try AgentConfigurationLoader.load(path: mainPath)
    }

    /// The problems loading reports; none when it succeeds.
    func problems() -> [ConfigurationProblem] {
        do throws(AgentConfigurationError) {
            _ = try load()
            return []
        } catch {
            return error.problems
        }
    }

    /// Loads agent.json holding `text`, expected to fail, and returns its problems with the file prefix removed.
    static func problems(of text: String) -> [ConfigurationProblem] {
        let folder = ConfigurationFolder()
        folder.writeMain(text)
        let prefix = folder.mainPath + ":"
        return folder.problems().map { problem in
            var problem = problem
            if problem.keyPath.hasPrefix(prefix) { problem.keyPath.removeFirst(prefix.count) }
            return problem
        }
    }

    /// Loads agent.json holding `text`, expected to succeed.
    static func configuration(of text: String) throws(AgentConfigurationError) -> AgentConfiguration {
        let folder = ConfigurationFolder()
        folder.writeMain(text)
        return try folder.load()
    }
}
