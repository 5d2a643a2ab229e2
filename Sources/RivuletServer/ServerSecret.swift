import Crypto
import Foundation

/// The server's persistent secret, from which the keys sealing shard iterators and page tokens are derived. Kept in
/// the data directory so iterators handed out before a restart stay valid after it.
enum ServerSecret {
    static let fileName = "server.secret"
    static let byteCount = 32

    static func loadOrCreate(dataDirectory: String) throws -> SymmetricKey {
        let path = (dataDirectory as NSString).appendingPathComponent(fileName)
        if let existing = FileManager.default.contents(atPath: path) {
            guard existing.count == byteCount else {
                throw ServerStartError.invalidSecret(path: path)
            }
            return SymmetricKey(data: existing)
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: bytes, attributes: [.posixPermissions: 0o600])
        else { throw ServerStartError.cannotWrite(path: temporary) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return key
    }
}

/// Reasons the server cannot start, with what to do about them.
public enum ServerStartError: Error, CustomStringConvertible {
    case invalidSecret(path: String)
    case cannotWrite(path: String)
    case dataDirectory(path: String, reason: String)
    case tls(certificatePath: String, keyPath: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSecret(let path):
            "\(path) is not a valid server secret (expected \(ServerSecret.byteCount) bytes); restore it from a backup "
                + "or delete it (outstanding shard iterators then become invalid)"
        case .cannotWrite(let path): "cannot write \(path)"
        case .dataDirectory(let path, let reason): "cannot use data directory \(path): \(reason)"
        case .tls(let certificatePath, let keyPath, let reason):
            "cannot load TLS certificate \(certificatePath) with key \(keyPath): \(reason)"
        }
    }
}
