import RivuletCore
import Testing

@testable import RivuletWire

/// Requests as CBOR clients send them, read through the same checks as JSON requests.
@Suite struct CBORWireTests {
    private func text(_ value: String) -> [UInt8] {
        var writer = CBORWriter()
        writer.string(value)
        return writer.bytes
    }

    /// An indefinite-length map of the given members, as Jackson (the AWS SDK for Java's generator) writes one.
    private func body(_ members: [(String, [UInt8])]) -> [UInt8] {
        [0xBF] + members.flatMap { text($0.0) + $0.1 } + [0xFF]
    }

    private func getShardIterator(timestamp: [UInt8]) -> [UInt8] {
        body([
            ("StreamName", text("orders")), ("ShardId", text("shardId-000000000001")),
            ("ShardIteratorType", text("AT_TIMESTAMP")), ("Timestamp", timestamp),
        ])
    }

    @Test func readsTaggedTimestampsAsMilliseconds() throws {
        let request = getShardIterator(timestamp: HexBytes.decode("c11b0000018bcfe5687b"))
        let input = try CBORWire.decode(GetShardIteratorInput.self, from: request)
        #expect(input.timestamp == WireTimestamp(epochMilliseconds: 1_700_000_000_123))
        #expect(input.shardIteratorType == .atTimestamp)
    }

    /// An untagged number means what it means in JSON, epoch seconds, whichever format carries it.
    @Test func readsUntaggedTimestampsAsSecondsAsJSONDoes() throws {
        let seconds = getShardIterator(timestamp: HexBytes.decode("1a6553f100"))
        let whole = try CBORWire.decode(GetShardIteratorInput.self, from: seconds)
        #expect(whole.timestamp == WireTimestamp(epochMilliseconds: 1_700_000_000_000))
        var writer = CBORWriter()
        writer.double(1_700_000_000.25)
        let fraction = try CBORWire.decode(GetShardIteratorInput.self, from: getShardIterator(timestamp: writer.bytes))
        #expect(fraction.timestamp == WireTimestamp(epochMilliseconds: 1_700_000_000_250))
    }

    @Test func refusesTimestampsWhereTheModelWantsAnotherType() {
        let asName = body([
            ("StreamName", HexBytes.decode("c100")), ("ShardId", text("s")), ("ShardIteratorType", text("LATEST")),
        ])
        let notAString = "class java.util.Date can not be converted to an String"
        #expect(throws: KinesisError(.serializationException, notAString)) {
            try CBORWire.decode(GetShardIteratorInput.self, from: asName)
        }
        let asLimit = body([("StreamName", text("orders")), ("MaxResults", HexBytes.decode("c100"))])
        let notAnInteger = "class java.util.Date can not be converted to an Integer"
        #expect(throws: KinesisError(.serializationException, notAnInteger)) {
            try CBORWire.decode(ListShardsInput.self, from: asLimit)
        }
    }

    @Test func readsNullAndUndefinedMembersAsAbsent() throws {
        let request = body([
            ("StreamName", text("orders")), ("ShardId", text("shardId-000000000001")),
            ("ShardIteratorType", text("LATEST")), ("StartingSequenceNumber", [0xF7]), ("Timestamp", [0xF6]),
        ])
        let input = try CBORWire.decode(GetShardIteratorInput.self, from: request)
        #expect(input.startingSequenceNumber == nil)
        #expect(input.timestamp == nil)
    }

    /// Data arrives as a byte string; base64 text, as JSON carries it, is read the same way.
    @Test func readsBlobsAsBytesOrBase64() throws {
        func putRecord(data: [UInt8]) -> [UInt8] {
            body([("StreamName", text("orders")), ("Data", data), ("PartitionKey", text("k"))])
        }
        let raw = try CBORWire.decode(PutRecordInput.self, from: putRecord(data: [0x43, 0x00, 0x01, 0xFF]))
        #expect(raw.data == [0x00, 0x01, 0xFF])
        let base64 = try CBORWire.decode(PutRecordInput.self, from: putRecord(data: text("AAH/")))
        #expect(base64.data == [0x00, 0x01, 0xFF])
    }

    @Test func refusesMalformedAndNonMapBodiesAsJSONDoes() {
        for request in [[0xBF], [0x80], [0x61], [0xA1, 0x01, 0x02], HexBytes.decode("a0a0")] as [[UInt8]] {
            #expect(throws: KinesisError(.serializationException, "")) {
                try CBORWire.decode(DescribeLimitsInput.self, from: request)
            }
        }
    }
}
