import Crypto
import Foundation
import RivuletCore
import RivuletStorage

/// Encryption at rest of records: AES-256-GCM under a keyring key. A sealed record is stored with an empty partition
/// key and this data:
///
///     version u8 (1) | key fingerprint (8 bytes) | nonce (12 bytes) | ciphertext | tag (16 bytes)
///     plaintext := partitionKeyBytes u16 (little-endian) | partitionKey (UTF-8) | data
///
/// The partition key is sealed with the data because it is the caller's data too (often a user or device id), and
/// because together they cannot be separated: a ciphertext opens only as the whole record it was sealed as. The
/// version and fingerprint are authenticated as additional data, so relabelling a ciphertext fails to open. The
/// fingerprint, not the stream's KeyId, finds the key on reads: records stay readable after encryption stops or
/// moves to another key, as long as the keyring keeps the old key.
///
/// Nonces are random (96 bits); NIST's bound for random nonces is 2^32 seals per key, which is what rotating keys
/// (a new key under the alias, or StartStreamEncryption with another KeyId) is for.
struct RecordSealer: Sendable {
    static let formatVersion: UInt8 = 1
    static let fingerprintBytes = 8
    static let nonceBytes = 12
    static let tagBytes = 16
    static let partitionKeyLengthBytes = 2
    static let headerBytes = 1 + fingerprintBytes + nonceBytes
    /// What sealing adds to a record's partition key and data together.
    static let overheadBytes = headerBytes + partitionKeyLengthBytes + tagBytes

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
            partitionKey: "", data: try seal(partitionKey: partitionKey, data: data, with: key), sealed: true)
    }

    func seal(partitionKey: String, data: [UInt8], with key: KeyringKey) throws -> [UInt8] {
        let keyBytes = partitionKey.utf8.count
        precondition(keyBytes <= Int(UInt16.max), "partition keys are at most 1,024 bytes")
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(Self.partitionKeyLengthBytes + keyBytes + data.count)
        withUnsafeBytes(of: UInt16(keyBytes).littleEndian) { plaintext.append(contentsOf: $0) }
        plaintext.append(contentsOf: partitionKey.utf8)
        plaintext.append(contentsOf: data)

        var sealed: [UInt8] = []
        sealed.reserveCapacity(plaintext.count + Self.headerBytes + Self.tagBytes)
        sealed.append(Self.formatVersion)
        withUnsafeBytes(of: key.fingerprint.bigEndian) { sealed.append(contentsOf: $0) }
        let labels = sealed
        let nonce = AES.GCM.Nonce()
        nonce.withUnsafeBytes { sealed.append(contentsOf: $0) }
        let box = try AES.GCM.seal(plaintext, using: key.material, nonce: nonce, authenticating: labels)
        sealed.append(contentsOf: box.ciphertext)
        sealed.append(contentsOf: box.tag)
        return sealed
    }

    /// The partition key and data of a record as they were put: opened when it was sealed, as stored otherwise.
    func open(_ record: StoredRecord) throws(SealedDataFailure) -> (partitionKey: String, data: [UInt8]) {
        guard record.sealed else { return (record.partitionKey, record.data) }
        let sealed = record.data
        guard sealed.count >= Self.headerBytes + Self.tagBytes else {
            throw .malformed("\(sealed.count) bytes is too short")
        }
        guard sealed[0] == Self.formatVersion else { throw .malformed("unknown format version \(sealed[0])") }
        let labels = sealed[0..<(1 + Self.fingerprintBytes)]
        let fingerprint = labels.dropFirst().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        guard let key = keyring.key(fingerprint: fingerprint) else { throw .keyMissing(fingerprint: fingerprint) }
        let plaintext: [UInt8]
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: sealed[(1 + Self.fingerprintBytes)..<Self.headerBytes]),
                ciphertext: sealed[Self.headerBytes..<(sealed.count - Self.tagBytes)],
                tag: sealed[(sealed.count - Self.tagBytes)...])
            plaintext = Array(try AES.GCM.open(box, using: key.material, authenticating: labels))
        } catch {
            throw .authenticationFailed
        }
        // Authenticated, so written by `seal`; checked all the same, as every reader checks lengths.
        guard plaintext.count >= Self.partitionKeyLengthBytes else { throw .malformed("no partition key length") }
        let keyBytes = Int(plaintext[0]) | Int(plaintext[1]) << 8
        let keyEnd = Self.partitionKeyLengthBytes + keyBytes
        guard keyEnd <= plaintext.count else { throw .malformed("partition key length \(keyBytes) overruns") }
        return (
            String(decoding: plaintext[Self.partitionKeyLengthBytes..<keyEnd], as: UTF8.self),
            Array(plaintext[keyEnd...])
        )
    }
}
