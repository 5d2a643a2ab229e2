import Crypto
import Foundation
import Logging
import RivuletCore
import RivuletStorage
import Testing

@testable import RivuletServer

/// The keyring file, the KeyId forms the API accepts, and the sealed data format.
@Suite struct EncryptionKeyringTests {
    private let logger = Logger(label: "test")

    /// Calls `body` with a keyring path in a fresh folder, removed afterwards.
    private func withKeyringPath(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rivulet-keyring-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("keyring.json").path)
    }

    @Test func keyIdFormsReduceToAliasesAndKeyIds() {
        #expect(KeyIdentifier(parsing: "alias/aws/kinesis") == .alias("alias/aws/kinesis"))
        #expect(KeyIdentifier(parsing: "arn:aws:kms:us-east-1:123456789012:alias/a/b") == .alias("alias/a/b"))
        #expect(KeyIdentifier(parsing: "arn:aws-cn:kms:cn-north-1:123456789012:key/abc") == .keyId("abc"))
        #expect(KeyIdentifier(parsing: "1234abcd-12ab") == .keyId("1234abcd-12ab"))
        for invalid in [
            "arn:aws:kms:us-east-1:123456789012:key/", "arn:aws:kms:us-east-1:1234:alias/a",
            "arn:aws:s3:us-east-1:123456789012:key/abc", "arn:aws:kms::123456789012:key/abc", "arn:aws:kms",
        ] {
            #expect(KeyIdentifier(parsing: invalid) == nil, "\(invalid)")
        }
    }

    @Test func aMissingKeyringIsCreatedPrivateAndReadsBackTheSameKey() throws {
        try withKeyringPath { path in
            let created = try KeyringFile.loadOrCreate(path: path, logger: logger)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(created.keys.count == 1)
            #expect(created.keys[0].aliases == [Keyring.defaultAlias])
            #expect(UUID(uuidString: created.keys[0].keyId) != nil)

            let reloaded = try KeyringFile.loadOrCreate(path: path, logger: logger)
            #expect(reloaded.keys.map(\.keyId) == created.keys.map(\.keyId))
            #expect(reloaded.keys.map(\.fingerprint) == created.keys.map(\.fingerprint))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(#""alias/aws/kinesis""#))
        }
    }

    @Test func aNamedKeyringMustExist() throws {
        try withKeyringPath { path in
            let error = #expect(throws: KeyringFileError.self) { _ = try KeyringFile.load(path: path, logger: logger) }
            #expect(error.map { "\($0)".contains("does not exist") } == true)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func aHandWrittenKeyringIsCheckedKeyByKey() throws {
        let material = Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let other = Data((0..<32).map { UInt8(100 + $0) }).base64EncodedString()
        let good = #"{"keys":[{"keyId":"k1","aliases":["alias/a"],"material":"\#(material)"}]}"#
        let keyring = try KeyringFile.decode(Data(good.utf8), path: "ring")
        #expect(try keyring.key(for: "alias/a").keyId == "k1")
        #expect(try keyring.key(for: "k1").aliases == ["alias/a"])

        let problems: [(String, String)] = [
            ("{}", "not a keyring document"),
            (#"{"keys":[{"keyId":"k1","aliases":[],"material":"AAAA"}]}"#, "base64 of 32 bytes"),
            (#"{"keys":[{"keyId":"k1","aliases":["orders"],"material":"\#(material)"}]}"#, "alias 'orders'"),
            (#"{"keys":[{"keyId":"alias/x","aliases":[],"material":"\#(material)"}]}"#, "keyId must be"),
            (
                #"{"keys":[{"keyId":"k1","aliases":["alias/a"],"material":"\#(material)"},"#
                    + #"{"keyId":"k2","aliases":["alias/a"],"material":"\#(other)"}]}"#,
                "keys[1] (k2): 'alias/a' names more than one key"
            ),
            (
                #"{"keys":[{"keyId":"k1","aliases":[],"material":"\#(material)"},"#
                    + #"{"keyId":"k2","aliases":[],"material":"\#(material)"}]}"#,
                "the same material appears in another key"
            ),
        ]
        for (document, reason) in problems {
            let error = #expect(throws: KeyringFileError.self) {
                _ = try KeyringFile.decode(Data(document.utf8), path: "ring")
            }
            let text = error.map { "\($0)" } ?? ""
            #expect(text.contains(reason) && text.contains("the keyring ring is invalid"), "\(text)")
        }
    }

    @Test func sealedDataHoldsPartitionKeyAndDataAndOpensOnlyIntact() throws {
        let sealer = RecordSealer(keyring: .ephemeral())
        let key = sealer.keyring.keys[0]
        let partitionKey = "user-ключ-🙂"
        for plaintext in [[], [7], Array(repeating: UInt8(42), count: 5000)] as [[UInt8]] {
            let record = try sealer.storable(partitionKey: partitionKey, data: plaintext, key: key)
            #expect(record.sealed && record.partitionKey == "")
            #expect(record.data.count == plaintext.count + partitionKey.utf8.count + RecordSealer.overheadBytes)
            #expect(record.data[0] == RecordSealer.formatVersion)
            #expect(!record.data.contains(Array(partitionKey.utf8)))
            let stored = StoredRecord(
                position: 0, arrivalMilliseconds: 0, partitionKey: record.partitionKey, data: record.data,
                sealed: true)
            let opened = try sealer.open(stored)
            #expect(opened.partitionKey == partitionKey && opened.data == plaintext)
            for offset in [0, 9, 21, record.data.count - 1] {
                var damaged = stored
                damaged.data[offset] ^= 0x80
                #expect(throws: SealedDataFailure.self) { try sealer.open(damaged) }
            }
        }
        let twice = try (0..<2).map { _ in try sealer.seal(partitionKey: "pk", data: [1, 2, 3], with: key) }
        #expect(twice[0] != twice[1], "every seal takes a fresh nonce")
        let short = StoredRecord(position: 0, arrivalMilliseconds: 0, partitionKey: "", data: [1, 2], sealed: true)
        #expect(throws: SealedDataFailure.malformed("2 bytes is too short")) { try sealer.open(short) }
        let plain = StoredRecord(position: 0, arrivalMilliseconds: 0, partitionKey: "pk", data: [1, 2])
        let unchanged = try sealer.open(plain)
        #expect(unchanged.partitionKey == "pk" && unchanged.data == [1, 2])
        let unsealed = try sealer.storable(partitionKey: "pk", data: [1], key: nil)
        #expect(unsealed == AppendRecord(partitionKey: "pk", data: [1]))
    }

    @Test func theFingerprintIsTheStartOfTheMaterialsSHA256() {
        let material = SymmetricKey(data: Data(repeating: 0, count: 32))
        let key = KeyringKey(keyId: "zero", aliases: [], material: material)
        // SHA-256 of 32 zero bytes begins 66 68 7a ad f8 62 bd 77.
        #expect(key.fingerprint == 0x6668_7aad_f862_bd77)
    }
}
