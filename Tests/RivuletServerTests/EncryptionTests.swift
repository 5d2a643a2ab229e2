import Foundation
import RivuletCore
import RivuletStorage
import Testing

@testable import RivuletServer

/// StartStreamEncryption and StopStreamEncryption through the dispatcher: records put while a stream is encrypted
/// are stored sealed and read back as they were put, with EncryptionType KMS.
@Suite struct EncryptionTests {
    private let shard = "shardId-000000000000"

    private func streamKey(_ name: String) -> StreamKey {
        StreamKey(account: "000000000000", region: "us-east-1", name: name)
    }

    private func start(_ harness: DispatcherHarness, _ stream: String, keyId: String = Keyring.defaultAlias)
        async -> DispatcherHarness.Answer
    {
        await harness.send(
            "StartStreamEncryption", #"{"StreamName":"\#(stream)","EncryptionType":"KMS","KeyId":"\#(keyId)"}"#)
    }

    @discardableResult
    private func put(_ harness: DispatcherHarness, _ stream: String, _ text: String, key: String = "k")
        async throws -> [String: Any]
    {
        try await harness.call(
            "PutRecord", #"{"StreamName":"\#(stream)","PartitionKey":"\#(key)","Data":"\#(base64(text))"}"#)
    }

    private func readAll(_ harness: DispatcherHarness, _ stream: String) async throws -> [[String: Any]] {
        let iterator = try await harness.iterator(stream, shard: shard, type: "TRIM_HORIZON")
        let page = try await harness.call("GetRecords", #"{"ShardIterator":"\#(iterator)"}"#)
        return try #require(page["Records"] as? [[String: Any]])
    }

    private func summary(_ harness: DispatcherHarness, _ stream: String) async throws -> [String: Any] {
        let body = try await harness.call("DescribeStreamSummary", #"{"StreamName":"\#(stream)"}"#)
        return try #require(body["StreamDescriptionSummary"] as? [String: Any])
    }

    private func stored(_ harness: DispatcherHarness, _ stream: String) async throws -> [StoredRecord] {
        try await harness.store.read(
            streamKey(stream), shardIndex: 0, from: 0, recordLimit: 1000, byteLimit: 1 << 20
        ).records
    }

    @Test func recordsPutWhileEncryptedAreSealedAndReadBackAsPut() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("secret", shards: 1)
        try await put(harness, "secret", "before encryption")
        #expect((try await summary(harness, "secret"))["EncryptionType"] as? String == "NONE")

        let started = await start(harness, "secret")
        #expect(started.status == 200)
        let described = try await summary(harness, "secret")
        #expect(described["EncryptionType"] as? String == "KMS")
        #expect(described["KeyId"] as? String == Keyring.defaultAlias)
        let full = try await harness.call("DescribeStream", #"{"StreamName":"secret"}"#)
        let description = try #require(full["StreamDescription"] as? [String: Any])
        #expect(description["EncryptionType"] as? String == "KMS")
        #expect(description["KeyId"] as? String == Keyring.defaultAlias)

        let single = try await put(harness, "secret", "sealed one")
        #expect(single["EncryptionType"] as? String == "KMS")
        let entries = (0..<5).map { #"{"PartitionKey":"p\#($0)","Data":"\#(base64("sealed batch \($0)"))"}"# }
        let batch = try await harness.call(
            "PutRecords", #"{"StreamName":"secret","Records":[\#(entries.joined(separator: ","))]}"#)
        #expect(batch["EncryptionType"] as? String == "KMS")

        let records = try await readAll(harness, "secret")
        let expected = ["before encryption", "sealed one"] + (0..<5).map { "sealed batch \($0)" }
        #expect(records.compactMap { $0["Data"] as? String } == expected.map(base64))
        #expect(records.map { $0["EncryptionType"] as? String } == [nil] + Array(repeating: "KMS", count: 6))
        #expect(records.compactMap { $0["PartitionKey"] as? String } == ["k", "k"] + (0..<5).map { "p\($0)" })

        // Stored: the control record as it came; the others sealed, partition key and data together.
        let raw = try await stored(harness, "secret")
        #expect(raw.map(\.sealed) == [false] + Array(repeating: true, count: 6))
        #expect(raw[0].data == Array("before encryption".utf8))
        #expect(raw[0].partitionKey == "k")
        let partitionKeys = ["k"] + (0..<5).map { "p\($0)" }
        for (record, (text, partitionKey)) in zip(raw.dropFirst(), zip(expected.dropFirst(), partitionKeys)) {
            #expect(record.partitionKey == "")
            #expect(record.data.count == text.utf8.count + partitionKey.utf8.count + RecordSealer.overheadBytes)
            #expect(!record.data.contains(Array(text.utf8)))
        }
    }

    @Test func stoppingLeavesSealedRecordsReadableAndStoresNewOnesPlain() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("toggled", shards: 1)
        #expect(await start(harness, "toggled").status == 200)
        try await put(harness, "toggled", "while on")
        let stopped = await harness.send(
            "StopStreamEncryption",
            #"{"StreamName":"toggled","EncryptionType":"KMS","KeyId":"\#(Keyring.defaultAlias)"}"#)
        #expect(stopped.status == 200)
        let described = try await summary(harness, "toggled")
        #expect(described["EncryptionType"] as? String == "NONE")
        #expect(described["KeyId"] == nil)
        let answer = try await put(harness, "toggled", "after stop")
        #expect(answer["EncryptionType"] as? String == "NONE")

        let records = try await readAll(harness, "toggled")
        #expect(records.compactMap { $0["Data"] as? String } == [base64("while on"), base64("after stop")])
        #expect(records.map { $0["EncryptionType"] as? String } == ["KMS", nil])
        #expect(try await stored(harness, "toggled").map(\.sealed) == [true, false])
    }

    @Test func aCustomKeyIsFoundByAliasARNKeyARNAndKeyId() async throws {
        let custom = KeyringKey.generate(aliases: ["alias/orders"])
        let harness = DispatcherHarness(
            keyring: Keyring(keys: [KeyringKey.generate(aliases: [Keyring.defaultAlias]), custom]))
        try await harness.createStream("custom", shards: 1)
        let forms = [
            "arn:aws:kms:us-east-1:000000000000:alias/orders",
            "arn:aws:kms:eu-west-1:111122223333:key/\(custom.keyId)",
            custom.keyId,
            "alias/orders",
        ]
        for (number, keyId) in forms.enumerated() {
            let started = await start(harness, "custom", keyId: keyId)
            #expect(started.status == 200, "\(keyId): \(started.rawBody)")
            #expect((try await summary(harness, "custom"))["KeyId"] as? String == keyId)
            try await put(harness, "custom", "record \(number)")
        }
        let records = try await readAll(harness, "custom")
        #expect(records.compactMap { $0["Data"] as? String } == forms.indices.map { base64("record \($0)") })
        // Every record names the custom key's fingerprint, whichever form of its name the stream was given.
        let fingerprint = withUnsafeBytes(of: custom.fingerprint.bigEndian) { Array($0) }
        #expect(try await stored(harness, "custom").allSatisfy { Array($0.data[1..<9]) == fingerprint })
    }

    @Test func anUnknownKeyIsKMSNotFoundAndChangesNothing() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("plain", shards: 1)
        let cases = [
            ("alias/missing", "Alias alias/missing is not found in the server's keyring."),
            ("arn:aws:kms:us-east-1:000000000000:alias/missing", nil),
            (
                "1234abcd-12ab-34cd-56ef-1234567890ab",
                "Key '1234abcd-12ab-34cd-56ef-1234567890ab' does not exist in the server's keyring."
            ),
            ("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab", nil),
            ("arn:aws:kms:us-east-1:000000000000:grant/x", nil),
            ("arn:aws:kinesis:us-east-1:000000000000:alias/aws/kinesis", nil),
        ]
        for (keyId, message) in cases {
            let answer = await start(harness, "plain", keyId: keyId)
            #expect(answer.status == 400)
            #expect(answer.errorType == "KMSNotFoundException", "\(keyId)")
            if let message { #expect(answer.message == message) }
        }
        let described = try await summary(harness, "plain")
        #expect(described["EncryptionType"] as? String == "NONE")
        #expect(described["StreamStatus"] as? String == "ACTIVE")
    }

    @Test func encryptionTypeNoneIsInvalidArgument() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("plain", shards: 1)
        for operation in ["StartStreamEncryption", "StopStreamEncryption"] {
            let answer = await harness.send(
                operation, #"{"StreamName":"plain","EncryptionType":"NONE","KeyId":"alias/aws/kinesis"}"#)
            #expect(answer.errorType == "InvalidArgumentException")
            #expect(answer.message?.contains("the only valid value is KMS") == true)
        }
        let missing = await start(harness, "absent")
        #expect(missing.errorType == "ResourceNotFoundException")
    }

    @Test func theStreamIsUpdatingMeanwhileAndTakesRecordsSealed() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 5_000)
        try await harness.createStream("slow", shards: 1)
        harness.clock.advance(milliseconds: 5_000)
        #expect(await start(harness, "slow").status == 200)
        #expect((try await summary(harness, "slow"))["StreamStatus"] as? String == "UPDATING")
        let again = await start(harness, "slow")
        #expect(again.errorType == "ResourceInUseException")
        let answer = try await put(harness, "slow", "during the update")
        #expect(answer["EncryptionType"] as? String == "KMS")
        harness.clock.advance(milliseconds: 5_000)
        #expect((try await summary(harness, "slow"))["StreamStatus"] as? String == "ACTIVE")
        #expect(try await readAll(harness, "slow").first?["Data"] as? String == base64("during the update"))
    }

    @Test func tamperedCiphertextFailsTheReadWithAKMSError() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("guarded", shards: 1)
        #expect(await start(harness, "guarded").status == 200)
        try await put(harness, "guarded", String(repeating: "confidential ", count: 4), key: "owner-1234567890")
        let original = try await stored(harness, "guarded")[0]
        #expect(original.partitionKey == "" && !original.data.contains(Array("owner-1234567890".utf8)))

        // Every byte matters: the header, the nonce, the ciphertext and the tag.
        for offset in [0, 1, 8, 9, 20, 21, original.data.count - 17, original.data.count - 1] {
            var damaged = original.data
            damaged[offset] ^= 0x01
            let answer = try await readAppended(
                harness, AppendRecord(partitionKey: original.partitionKey, data: damaged, sealed: true))
            #expect(answer.status == 400)
            let expectedType = (1..<9).contains(offset) ? "KMSNotFoundException" : "KMSInvalidStateException"
            #expect(answer.errorType == expectedType, "byte \(offset)")
        }
        // Cut short, it is not sealed data at all.
        let cut = try await readAppended(
            harness, AppendRecord(partitionKey: "", data: Array(original.data.prefix(30)), sealed: true))
        #expect(cut.errorType == "KMSInvalidStateException")
        #expect(cut.message?.contains("too short") == true)
        // Intact, it reads back whole, partition key included.
        let intact = try await readAppended(
            harness, AppendRecord(partitionKey: original.partitionKey, data: original.data, sealed: original.sealed))
        let records = try #require(intact.body["Records"] as? [[String: Any]])
        #expect(records.first?["PartitionKey"] as? String == "owner-1234567890")

        // A record sealed under a key this keyring lacks names its fingerprint.
        let foreign = RecordSealer(keyring: .ephemeral())
        let stranger = try #require(foreign.keyring.keys.first)
        let lost = try await readAppended(
            harness,
            AppendRecord(
                partitionKey: "", data: try foreign.seal(partitionKey: "k", data: [1, 2, 3], with: stranger),
                sealed: true))
        #expect(lost.errorType == "KMSNotFoundException")
        #expect(lost.message?.contains("not in the server's keyring") == true)
    }

    /// Appends `record` straight to the store, as damage on disk would leave it, and reads it through GetRecords.
    private func readAppended(_ harness: DispatcherHarness, _ record: AppendRecord) async throws
        -> DispatcherHarness.Answer
    {
        let key = streamKey("guarded")
        let receipt = try await harness.store.append(key, [ShardAppend(shardIndex: 0, records: [record])])
        let stream = try await harness.store.stream(key)
        let position = try #require(stream?.shard(index: 0)).sequenceNumber(at: receipt[0].firstPosition)
        let iterator = try await harness.iterator(
            "guarded", shard: shard, type: "AT_SEQUENCE_NUMBER", extra: #","StartingSequenceNumber":"\#(position)""#)
        return await harness.send("GetRecords", #"{"ShardIterator":"\#(iterator)","Limit":1}"#)
    }
}
