import Foundation

/// The `--credentials` file: a JSON object mapping access key ids to secret access keys.
public enum CredentialsFile {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String)
        case empty(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read credentials file \(path): \(reason)"
            case .malformed(let path):
                "credentials file \(path) must be a JSON object of access key id to secret access key strings"
            case .empty(let path): "credentials file \(path) lists no credentials"
            }
        }
    }

    public static func load(path: String) throws -> [String: String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let table = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw LoadError.malformed(path: path)
        }
        guard !table.isEmpty else { throw LoadError.empty(path: path) }
        return table
    }
}
