import Foundation
import RivuletCore

/// The shared `credentials` and `config` files, at the paths the environment names (`AWS_SHARED_CREDENTIALS_FILE`,
/// `AWS_CONFIG_FILE`) or in `~/.aws/`. A missing file reads as empty: most machines have one of the two or none.
struct ProfileFiles {
    let credentialsPath: String
    let configPath: String
    let credentials: INIDocument
    let config: INIDocument

    static func load(environment: [String: String]) throws(AWSConfigurationError) -> ProfileFiles {
        let home = environment.nonEmpty("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
        let credentialsPath = expandingHome(
            environment.nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials", home)
        let configPath = expandingHome(environment.nonEmpty("AWS_CONFIG_FILE") ?? "~/.aws/config", home)
        return ProfileFiles(
            credentialsPath: credentialsPath, configPath: configPath,
            credentials: try read(credentialsPath), config: try read(configPath))
    }

    /// The profile's section in the credentials file, where it is called by its name.
    func credentialsSection(_ profile: String) -> [String: String]? {
        credentials.section(profile)
    }

    /// The profile's section in the config file, where it is `[profile name]`, except that the default profile may
    /// also be plain `[default]`.
    func configSection(_ profile: String) -> [String: String]? {
        config.section("profile \(profile)") ?? (profile == "default" ? config.section("default") : nil)
    }

    func contains(_ profile: String) -> Bool {
        credentialsSection(profile) != nil || configSection(profile) != nil
    }

    private static func expandingHome(_ path: String, _ home: String) -> String {
        path == "~" || path.hasPrefix("~/") ? home + path.dropFirst() : path
    }

    private static func read(_ path: String) throws(AWSConfigurationError) -> INIDocument {
        guard FileManager.default.fileExists(atPath: path) else { return INIDocument(parsing: "") }
        let bytes: Data?
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: Limits.profileFileBytesMax + 1)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        let data = bytes ?? Data()
        guard data.count <= Limits.profileFileBytesMax else {
            throw .unreadableFile(path: path, reason: "larger than \(Limits.profileFileBytesMax) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return INIDocument(parsing: text)
    }
}

extension [String: String] {
    /// The value of `name` unless it is unset or empty: an empty variable counts as not set, as in AWS's tools.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
