import Crypto
import Foundation

/// One key of the server's keyring: a 256-bit AES key with the names the API may call it by. The key id plays the
/// part of a KMS key id (a UUID for keys the server makes); aliases are `alias/...` names.
/// Unchecked because swift-crypto does not mark `SymmetricKey` Sendable on every platform, though it is an
/// immutable value.
public struct KeyringKey: @unchecked Sendable {
    /// The only key size accepted: AES-256, as KMS data keys for Kinesis are.
    public static let materialBytes = 32

    public let keyId: String
    public let aliases: [String]
    let material: SymmetricKey
    /// The first 8 bytes of the SHA-256 of the material, read big-endian. Sealed records carry it, so a record
    /// finds its key again after the stream's KeyId changed or an alias moved to a newer key.
    let fingerprint: UInt64

    public init(keyId: String, aliases: [String], material: SymmetricKey) {
        precondition(material.bitCount == Self.materialBytes * 8, "keyring keys are 256-bit")
        self.keyId = keyId
        self.aliases = aliases
        self.material = material
        self.fingerprint = Self.fingerprint(of: material)
    }

    /// A new random key with a fresh UUID for its id.
    public static func generate(aliases: [String]) -> KeyringKey {
        KeyringKey(
            keyId: UUID().uuidString.lowercased(), aliases: aliases, material: SymmetricKey(size: .bits256))
    }

    static func fingerprint(of material: SymmetricKey) -> UInt64 {
        let digest = material.withUnsafeBytes { SHA256.hash(data: $0) }
        return digest.withUnsafeBytes { bytes in
            bytes.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        }
    }

    /// The material in base64, as the keyring file holds it.
    var materialBase64: String {
        material.withUnsafeBytes { Data($0).base64EncodedString() }
    }
}
