/// Server-side encryption of a stream's records, as StartStreamEncryption set it. Records appended while it is on
/// are sealed with the key the keyring holds under `keyId`.
public struct StreamEncryptionSettings: Sendable, Codable, Equatable {
    /// The key's identifier as the caller gave it: an alias (`alias/aws/kinesis`), a key id or an ARN.
    public var keyId: String

    public init(keyId: String) {
        self.keyId = keyId
    }
}
