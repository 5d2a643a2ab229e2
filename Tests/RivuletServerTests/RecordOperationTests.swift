import Foundation
import NIOCore
import RivuletHTTP
import Testing

@testable import RivuletServer

@Suite struct RecordOperationTests {
    @Test func putRecordsThenReadThemBackInOrder() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("orders", shards: 1)
        let entries = (0..<20).map { #"{"PartitionKey":"key\#($0)","Data":"\#(base64("record \($0)"))"}"# }
        let put = try await harness.call(
            "PutRecords", #"{"StreamName":"orders","Records":[\#(entries.joined(separator: ","))]}"#)
        #expect(put["FailedRecordCount"] as? Int == 0)
        let results = try #require(put["Records"] as? [[String: Any]])
        let sequenceNumbers = results.compactMap { $0["SequenceNumber"] as? String }
        #expect(sequenceNumbers.count == 20)
        #expect(sequenceNumbers == sequenceNumbers.sorted())

        let iterator = try await harness.iterator("orders", shard: "shardId-000000000000", type: "TRIM_HORIZON")
        let page = try await harness.call("GetRecords", #"{"ShardIterator":"\#(iterator)","Limit":15}"#)
        let records = try #require(page["Records"] as? [[String: Any]])
        #expect(records.count == 15)
        #expect(records.first?["Data"] as? String == base64("record 0"))
        #expect(records.first?["PartitionKey"] as? String == "key0")
        #expect(records.compactMap { $0["SequenceNumber"] as? String } == Array(sequenceNumbers.prefix(15)))
        // Five records remain, all written at the harness clock's current time.
        #expect(page["MillisBehindLatest"] as? Int == 0)
        let next = try #require(page["NextShardIterator"] as? String)
        let rest = try await harness.call("GetRecords", #"{"ShardIterator":"\#(next)"}"#)
        #expect((rest["Records"] as? [Any])?.count == 5)
        #expect(rest["MillisBehindLatest"] as? Int == 0)
    }

    @Test func explicitHashKeyChoosesTheShard() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("routed", shards: 3)
        let put = try await harness.call(
            "PutRecord",
            #"{"StreamName":"routed","PartitionKey":"x","Data":"AA==","ExplicitHashKey":"340282366920938463463374607431768211455"}"#)
        #expect(put["ShardId"] as? String == "shardId-000000000002")
        let bad = await harness.send(
            "PutRecord",
            #"{"StreamName":"routed","PartitionKey":"x","Data":"AA==","ExplicitHashKey":"340282366920938463463374607431768211456"}"#)
        #expect(bad.errorType == "InvalidArgumentException")
    }

    @Test func iteratorTypesStartWhereAWSSays() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("positions", shards: 1)
        var sequences: [String] = []
        for index in 0..<3 {
            let put = try await harness.call(
                "PutRecord", #"{"StreamName":"positions","PartitionKey":"k","Data":"\#(base64("r\(index)"))"}"#)
            sequences.append(try #require(put["SequenceNumber"] as? String))
            harness.clock.advance(milliseconds: 1_000)
        }
        func firstData(_ type: String, _ extra: String = "") async throws -> String? {
            let iterator = try await harness.iterator(
                "positions", shard: "shardId-000000000000", type: type, extra: extra)
            let page = try await harness.call("GetRecords", #"{"ShardIterator":"\#(iterator)"}"#)
            return (page["Records"] as? [[String: Any]])?.first?["Data"] as? String
        }
        #expect(try await firstData("TRIM_HORIZON") == base64("r0"))
        #expect(try await firstData("LATEST") == nil)
        #expect(try await firstData("AT_SEQUENCE_NUMBER", #","StartingSequenceNumber":"\#(sequences[1])""#) == base64("r1"))
        #expect(
            try await firstData("AFTER_SEQUENCE_NUMBER", #","StartingSequenceNumber":"\#(sequences[1])""#) == base64("r2"))
        let secondArrival = Double(harness.clock.nowMilliseconds() - 2_000) / 1000
        #expect(try await firstData("AT_TIMESTAMP", #","Timestamp":\#(secondArrival)"#) == base64("r1"))

        let future = Double(harness.clock.nowMilliseconds() + 60_000) / 1000
        let refused = await harness.send(
            "GetShardIterator",
            #"{"StreamName":"positions","ShardId":"shardId-000000000000","ShardIteratorType":"AT_TIMESTAMP","Timestamp":\#(future)}"#)
        #expect(refused.errorType == "InvalidArgumentException")
        let contradictory = await harness.send(
            "GetShardIterator",
            #"{"StreamName":"positions","ShardId":"0","ShardIteratorType":"LATEST","StartingSequenceNumber":"\#(sequences[0])"}"#)
        #expect(
            contradictory.message
                == "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
                + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified LATEST and also a "
                + "StartingSequenceNumber.")
    }

    @Test func sequenceNumbersOfAnotherShardAreRefused() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("pair", shards: 2)
        let put = try await harness.call(
            "PutRecord",
            #"{"StreamName":"pair","PartitionKey":"x","Data":"AA==","ExplicitHashKey":"0"}"#)
        let sequence = try #require(put["SequenceNumber"] as? String)
        let wrong = await harness.send(
            "GetShardIterator",
            #"{"StreamName":"pair","ShardId":"shardId-000000000001","ShardIteratorType":"AT_SEQUENCE_NUMBER","StartingSequenceNumber":"\#(sequence)"}"#)
        #expect(wrong.errorType == "InvalidArgumentException")
        #expect(
            wrong.message
                == "Invalid StartingSequenceNumber. It encodes shardId-000000000000, while it was used in a call to a "
                + "shard with shardId-000000000001")
        let missing = await harness.send(
            "GetShardIterator", #"{"StreamName":"pair","ShardId":"shardId-000000000009","ShardIteratorType":"LATEST"}"#)
        #expect(missing.errorType == "ResourceNotFoundException")
        #expect(missing.message == "Shard shardId-000000000009 in stream pair under account 000000000000 does not exist")
    }

    @Test func iteratorsExpireAndCannotBeForged() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("sealed", shards: 1)
        let iterator = try await harness.iterator("sealed", shard: "0", type: "TRIM_HORIZON")
        var forged = Array(iterator)
        forged[forged.count / 2] = forged[forged.count / 2] == "A" ? "B" : "A"
        let tampered = await harness.send("GetRecords", #"{"ShardIterator":"\#(String(forged))"}"#)
        #expect(tampered.errorType == "InvalidArgumentException")
        harness.clock.advance(milliseconds: 300_001)
        let expired = await harness.send("GetRecords", #"{"ShardIterator":"\#(iterator)"}"#)
        #expect(expired.errorType == "ExpiredIteratorException")
    }

    @Test func oversizeRecordsAreRefused() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("big", shards: 1)
        let data = Data(repeating: 7, count: 1024 * 1024).base64EncodedString()
        let refused = await harness.send("PutRecord", #"{"StreamName":"big","PartitionKey":"k","Data":"\#(data)"}"#)
        #expect(refused.status == 400)
        #expect(refused.errorType == "ValidationException")
    }
}

@Suite struct ProtocolCheckTests {
    @Test func missingAuthorizationIsRefused() async {
        let harness = DispatcherHarness()
        let answer = await harness.send("ListStreams", "{}", signed: false)
        #expect(answer.errorType == "MissingAuthenticationTokenException")
        #expect(answer.message == "Missing Authentication Token")
        #expect(answer.headers.first(name: "x-amzn-RequestId") != nil)
    }

    @Test func unknownTargetsAndBadJSONGetTheirTypes() async {
        let harness = DispatcherHarness()
        let unknown = await harness.send("MakeCoffee", "{}")
        #expect(unknown.errorType == "UnknownOperationException")
        let malformed = await harness.send("ListStreams", "{not json")
        #expect(malformed.errorType == "SerializationException")
        let getMethod = await harness.send("ListStreams", "{}", method: .GET)
        #expect(getMethod.status == 403)
    }

    @Test func malformedAuthorizationIsIncomplete() async {
        let harness = DispatcherHarness()
        let answer = await harness.send(
            "ListStreams", "{}", headers: [("authorization", "AWS4-HMAC-SHA256 Credential=abc")])
        #expect(answer.errorType == "IncompleteSignatureException")
    }

    @Test func getOutsideMetricsAndHealthIsAccessDenied() async {
        let harness = DispatcherHarness()
        let answer = await harness.send("", "", method: .GET, signed: false)
        #expect(answer.status == 403)
        #expect(answer.rawBody.contains("<AccessDeniedException>"))
    }

    @Test func metricsAreServedWithoutAuthentication() async {
        let harness = DispatcherHarness()
        let response = await harness.router.respond(
            to: HTTPRequest(method: .GET, uri: "/metrics", headers: [:], body: ByteBuffer()))
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == "metrics\n")
    }
}
