import Crypto
import Foundation
import Logging
import RivuletCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The keyring on disk: a JSON file the server reads once at start. The default one, in the data directory, is
/// created (mode 0600, one new key under `alias/aws/kinesis`) when it does not exist; a keyring named with
/// `--keyring` must exist, so a mistyped path cannot start a new keyring whose records the real one cannot read.
/// Users bring their own keys by writing it themselves:
///
///     {"keys": [{"keyId": "8f0e6c1a-...", "aliases": ["alias/aws/kinesis", "alias/orders"],
///                "material": "<base64 of 32 random bytes>"}]}
///
/// The server never rewrites an existing file. A key must stay in the file as long as records sealed under it are
/// kept (the stream's retention): without it they cannot be read.
public enum KeyringFile {
    public static let defaultFileName = "keyring.json"

    private struct Document: Codable {
        var keys: [Entry]
    }

    private struct Entry: Codable {
        var keyId: String
        var aliases: [String]
        var material: String
    }

    /// Reads the keyring at `path`, creating it with one new key under the default alias if there is none.
    public static func loadOrCreate(path: String, logger: Logger) throws -> Keyring {
        guard FileManager.default.fileExists(atPath: path) else {
            let keyring = Keyring(keys: [KeyringKey.generate(aliases: [Keyring.defaultAlias])])
            try create(keyring, atPath: path)
            logger.notice(
                "created a keyring with a new key for alias/aws/kinesis; back it up: records it encrypts need it",
                metadata: ["file.path": "\(path)"])
            return keyring
        }
        return try load(path: path, logger: logger)
    }

    public static func load(path: String, logger: Logger) throws -> Keyring {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw KeyringFileError.missing(path: path) }
            throw KeyringFileError.unreadable(path: path, reason: lastError)
        }
        guard Int(status.st_size) <= Limits.keyringFileBytesMax else {
            throw KeyringFileError.invalid(
                path: path, reason: "larger than \(Limits.keyringFileBytesMax) bytes")
        }
        if status.st_mode & 0o077 != 0 {
            logger.warning(
                "the keyring is open to users other than its owner; restrict it with chmod 600",
                metadata: ["file.path": "\(path)", "file.mode": "\(String(status.st_mode & 0o777, radix: 8))"])
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw KeyringFileError.unreadable(path: path, reason: "cannot read the file")
        }
        let keyring = try decode(bytes, path: path)
        logger.info("keyring loaded", metadata: ["file.path": "\(path)", "keyring.keys": "\(keyring.keys.count)"])
        return keyring
    }

    /// Parses and checks a keyring document; every problem names the key it is in.
    static func decode(_ bytes: Data, path: String) throws -> Keyring {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: bytes)
        } catch {
            throw KeyringFileError.invalid(path: path, reason: "not a keyring document (\(error))")
        }
        guard document.keys.count <= Limits.keyringKeysMax else {
            throw KeyringFileError.invalid(path: path, reason: "more than \(Limits.keyringKeysMax) keys")
        }
        var keys: [KeyringKey] = []
        var names = Set<String>()
        var fingerprints = Set<UInt64>()
        for (index, entry) in document.keys.enumerated() {
            func problem(_ reason: String) -> KeyringFileError {
                .invalid(path: path, reason: "keys[\(index)] (\(entry.keyId)): \(reason)")
            }
            guard isValidKeyId(entry.keyId) else {
                throw problem("keyId must be 1 to 256 letters, digits, '-' or '_'")
            }
            for alias in entry.aliases where !isValidAlias(alias) {
                throw problem("alias '\(alias)' must be 'alias/' followed by letters, digits, '/', '_' or '-'")
            }
            for name in [entry.keyId] + entry.aliases {
                guard names.insert(name).inserted else { throw problem("'\(name)' names more than one key") }
            }
            guard let material = Data(base64Encoded: entry.material), material.count == KeyringKey.materialBytes
            else {
                throw problem("material must be the base64 of \(KeyringKey.materialBytes) bytes")
            }
            let key = KeyringKey(keyId: entry.keyId, aliases: entry.aliases, material: SymmetricKey(data: material))
            guard fingerprints.insert(key.fingerprint).inserted else {
                throw problem("the same material appears in another key")
            }
            keys.append(key)
        }
        return Keyring(keys: keys)
    }

    /// KMS key ids are UUIDs (`mrk-` and 32 hex digits for multi-Region keys); any such plain token is accepted.
    private static func isValidKeyId(_ keyId: String) -> Bool {
        (1...256).contains(keyId.count) && consists(of: keyId, alphanumericsAnd: "-_")
    }

    /// KMS's alias pattern: `alias/` then `[a-zA-Z0-9/_-]+`, at most 256 characters in all.
    private static func isValidAlias(_ alias: String) -> Bool {
        let prefix = KeyIdentifier.aliasPrefix
        guard alias.hasPrefix(prefix), alias.count > prefix.count, alias.count <= 256 else { return false }
        return consists(of: alias.dropFirst(prefix.count), alphanumericsAnd: "/_-")
    }

    private static func consists(of text: Substring, alphanumericsAnd extra: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9": true
            default: extra.unicodeScalars.contains(scalar)
            }
        }
    }

    private static func consists(of text: String, alphanumericsAnd extra: String) -> Bool {
        consists(of: Substring(text), alphanumericsAnd: extra)
    }

    /// Writes a new keyring file readable by its owner only: created with mode 0600 (never wider, whatever the
    /// umask), synced, then renamed into place so a crash leaves either no keyring or a whole one.
    static func create(_ keyring: Keyring, atPath path: String) throws {
        let document = Document(
            keys: keyring.keys.map { Entry(keyId: $0.keyId, aliases: $0.aliases, material: $0.materialBase64) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(document)) + Array("\n".utf8)
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw KeyringFileError.cannotWrite(path: temporary, reason: lastError) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = lastError
                close(descriptor)
                throw KeyringFileError.cannotWrite(path: temporary, reason: reason)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        let reason = lastError
        close(descriptor)
        guard synced else { throw KeyringFileError.cannotWrite(path: temporary, reason: reason) }
        guard rename(temporary, path) == 0 else { throw KeyringFileError.cannotWrite(path: path, reason: lastError) }
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
