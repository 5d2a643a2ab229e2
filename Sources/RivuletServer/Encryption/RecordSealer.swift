import Crypto
import Foundation
import RivuletCore
import RivuletStorage

/// Encryption at rest of record data: AES-256-GCM under a keyring key. A sealed record's data is
///
///     version u8 (1) | key fingerprint (8 bytes) | nonce (12 bytes) | ciphertext | tag (16 bytes)
///
/// The additional authenticated data is the version, the fingerprint and the partition key's UTF-8 bytes, so a
/// ciphertext copied into another record, or relabelled with another key's fingerprint, fails to open instead of
/// reading as that record's data. The fingerprint, not the stream's KeyId, finds the key on reads: records stay
/// readable after encryption stops or moves to another key, as long as the keyring keeps the old key.
///
/// Nonces are random (96 bits); NIST's bound for random nonces is 2^32 seals per key, which is what rotating keys
/// (a new key under the alias, or StartStreamEncryption with another KeyId) is for.
struct RecordSealer: Sendable {
    static let formatVersion: UInt8 = 1
    static let fingerprintBytes = 8
    static let nonceBytes = 12
    static let tagBytes = 16
    static let headerBytes = 1 + fingerprintBytes + nonceBytes
    /// What sealing adds to a record's data.
    static let overheadBytes = headerBytes + tagBytes

    let keyring: Keyring

    /// The key records appended to `stream` now are sealed with; nil while its encryption is off. A key gone from
    /// the keyring is KMSNotFoundException: records are never stored in the clear for want of their key.
    func sealingKey(for stream: StreamDescriptor) throws(KinesisError) -> KeyringKey? {
        guard let encryption = stream.encryption else { return nil }
        return try keyring.key(for: encryption.keyId)
    }

    /// The record as the store keeps it: sealed under `key`, or as it came when `key` is nil.
    func storable(partitionKey: String, data: [UInt8], key: KeyringKey?) throws -> AppendRecord {
        guard let key else { return AppendRecord(partitionKey: partitionKey, data: data) }
        return AppendRecord(
            partitionKey: partitionKey, data: try seal(data, partitionKey: partitionKey, with: key), sealed: true)
    }

    func seal(_ data: [UInt8], partitionKey: String, with key: KeyringKey) throws -> [UInt8] {
        var sealed: [UInt8] = []
        sealed.reserveCapacity(data.count + Self.overheadBytes)
        sealed.append(Self.formatVersion)
        withUnsafeBytes(of: key.fingerprint.bigEndian) { sealed.append(contentsOf: $0) }
        let associated = Self.associatedData(header: sealed, partitionKey: partitionKey)
        let nonce = AES.GCM.Nonce()
        nonce.withUnsafeBytes { sealed.append(contentsOf: $0) }
        let box = try AES.GCM.seal(data, using: key.material, nonce: nonce, authenticating: associated)
        sealed.append(contentsOf: box.ciphertext)
        sealed.append(contentsOf: box.tag)
        return sealed
    }

    /// The data of a record as it was put: opened when it was sealed, as stored otherwise.
    func open(_ record: StoredRecord) throws(SealedDataFailure) -> [UInt8] {
        guard record.sealed else { return record.data }
        let data = record.data
        guard data.count >= Self.overheadBytes else { throw .malformed("\(data.count) bytes is too short") }
        guard data[0] == Self.formatVersion else { throw .malformed("unknown format version \(data[0])") }
        let fingerprint = data[1..<(1 + Self.fingerprintBytes)].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        guard let key = keyring.key(fingerprint: fingerprint) else { throw .keyMissing(fingerprint: fingerprint) }
        let associated = Self.associatedData(
            header: data[0..<(1 + Self.fingerprintBytes)], partitionKey: record.partitionKey)
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: data[(1 + Self.fingerprintBytes)..<Self.headerBytes]),
                ciphertext: data[Self.headerBytes..<(data.count - Self.tagBytes)],
                tag: data[(data.count - Self.tagBytes)...])
            return Array(try AES.GCM.open(box, using: key.material, authenticating: associated))
        } catch {
            throw .authenticationFailed
        }
    }

    private static func associatedData<Header: Collection<UInt8>>(header: Header, partitionKey: String) -> [UInt8] {
        var associated = Array(header)
        associated.append(contentsOf: partitionKey.utf8)
        return associated
    }
}
