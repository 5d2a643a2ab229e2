import Foundation

/// The `--credentials` file: a JSON object mapping access key ids to a secret access key string (a permanent key)
/// or to `{"secretAccessKey": "...", "sessionToken": "..."}` (temporary credentials, whose token must come with
/// every request).
public enum CredentialsFile {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String, accessKeyId: String?)
        case empty(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read credentials file \(path): \(reason)"
            case .malformed(let path, nil):
                "credentials file \(path) must be a JSON object of access key id to a secret access key string or "
                    + "{\"secretAccessKey\": ..., \"sessionToken\": ...}"
            case .malformed(let path, let accessKeyId?):
                "credentials file \(path): the entry for \(accessKeyId) must be a secret access key string or "
                    + "{\"secretAccessKey\": ..., \"sessionToken\": ...} with non-empty strings"
            case .empty(let path): "credentials file \(path) lists no credentials"
            }
        }
    }

    public static func load(path: String) throws -> [String: ServerCredential] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let table = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LoadError.malformed(path: path, accessKeyId: nil)
        }
        guard !table.isEmpty else { throw LoadError.empty(path: path) }
        var credentials: [String: ServerCredential] = [:]
        for (accessKeyId, entry) in table {
            guard let credential = credential(from: entry) else {
                throw LoadError.malformed(path: path, accessKeyId: accessKeyId)
            }
            credentials[accessKeyId] = credential
        }
        return credentials
    }

    private static func credential(from entry: Any) -> ServerCredential? {
        if let secret = entry as? String, !secret.isEmpty { return ServerCredential(secretAccessKey: secret) }
        guard let object = entry as? [String: Any],
            Set(object.keys).isSubset(of: ["secretAccessKey", "sessionToken"]),
            let secret = object["secretAccessKey"] as? String, !secret.isEmpty
        else { return nil }
        guard let token = object["sessionToken"] else { return ServerCredential(secretAccessKey: secret) }
        guard let text = token as? String, !text.isEmpty else { return nil }
        return ServerCredential(secretAccessKey: secret, sessionToken: text)
    }
}
