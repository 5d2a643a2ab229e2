import RivuletCore

/// The keys the server encrypts records at rest with, found by the names the API uses (alias, key id, ARNs) and by
/// the fingerprint sealed records carry. Loaded once at start (see KeyringFile) and never changed while running.
public struct Keyring: Sendable {
    /// The alias of the AWS-managed key for Kinesis, the KeyId most callers give.
    public static let defaultAlias = "alias/aws/kinesis"

    public let keys: [KeyringKey]
    private let keysById: [String: KeyringKey]
    private let keysByAlias: [String: KeyringKey]
    private let keysByFingerprint: [UInt64: KeyringKey]

    /// Key ids, aliases and key material must each be unique (KeyringFile checks that before building a keyring).
    public init(keys: [KeyringKey]) {
        self.keys = keys
        keysById = Dictionary(keys.map { ($0.keyId, $0) }, uniquingKeysWith: { _, _ in
            preconditionFailure("keyring key ids are unique")
        })
        keysByAlias = Dictionary(keys.flatMap { key in key.aliases.map { ($0, key) } }, uniquingKeysWith: { _, _ in
            preconditionFailure("keyring aliases are unique")
        })
        keysByFingerprint = Dictionary(keys.map { ($0.fingerprint, $0) }, uniquingKeysWith: { _, _ in
            preconditionFailure("keyring key material is unique")
        })
    }

    /// One random key under the default alias, held in memory only: for tests and in-process servers, whose records
    /// do not outlive the process.
    public static func ephemeral() -> Keyring {
        Keyring(keys: [KeyringKey.generate(aliases: [defaultAlias])])
    }

    /// The key a KeyId names, or KMSNotFoundException saying which name was not found.
    func key(for keyId: String) throws(KinesisError) -> KeyringKey {
        switch KeyIdentifier(parsing: keyId) {
        case .alias(let alias):
            guard let key = keysByAlias[alias] else {
                throw KinesisError(.kmsNotFound, "Alias \(keyId) is not found in the server's keyring.")
            }
            return key
        case .keyId(let id):
            guard let key = keysById[id] else {
                throw KinesisError(.kmsNotFound, "Key '\(keyId)' does not exist in the server's keyring.")
            }
            return key
        case nil:
            throw KinesisError(
                .kmsNotFound,
                "Invalid keyId '\(keyId)': expected an alias name, an alias ARN, a key id or a key ARN.")
        }
    }

    func key(fingerprint: UInt64) -> KeyringKey? {
        keysByFingerprint[fingerprint]
    }
}
