import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct ShapeCodingTests {
    private func json(_ output: some WireOutput) -> String {
        String(decoding: JSONWire.encode(output), as: UTF8.self)
    }

    @Test func writesGetRecordsInTheModelsOrderOmittingAbsentMembers() throws {
        let output = GetRecordsOutput(
            records: [
                Record(
                    sequenceNumber: "49", approximateArrivalTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_123),
                    data: Array("hi".utf8), partitionKey: "k")
            ],
            nextShardIterator: "it", millisBehindLatest: 0)
        let expected =
            #"{"Records":[{"SequenceNumber":"49","ApproximateArrivalTimestamp":1700000000.123,"Data":"aGk=","#
            + #""PartitionKey":"k"}],"NextShardIterator":"it","MillisBehindLatest":0}"#
        #expect(json(output) == expected)
        #expect(try JSONWire.decode(GetRecordsOutput.self, from: Array(expected.utf8)) == output)
    }

    @Test func outputsWithoutMembersHaveEmptyBodies() throws {
        #expect(JSONWire.encode(CreateStreamOutput()).isEmpty)
        #expect(try JSONWire.decode(DeleteStreamOutput.self, from: [UInt8]()) == DeleteStreamOutput())
    }

    @Test func inputsRoundTripThroughTheirOwnChecks() throws {
        let inputs: [any WireInput & Equatable] = [
            PutRecordsInput(
                records: [
                    PutRecordsRequestEntry(data: [0, 255, 7], explicitHashKey: "340282366920938463463374607431768211455", partitionKey: "é"),
                    PutRecordsRequestEntry(data: [], partitionKey: "k"),
                ],
                streamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders"),
            CreateStreamInput(
                streamName: "orders", shardCount: 4, streamModeDetails: StreamModeDetails(streamMode: .onDemand),
                tags: ["team": "data", "cost": ""], maxRecordSizeInKiB: 2048),
            GetShardIteratorInput(
                streamName: "orders", shardId: "shardId-000000000001", shardIteratorType: .atTimestamp,
                timestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_001)),
            ListShardsInput(shardFilter: ShardFilter(type: .afterShardId, shardId: "shardId-000000000003"), streamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/o"),
            TagResourceInput(tags: ["a": "b"], resourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/o/consumer/c:1"),
            DescribeLimitsInput(),
        ]
        for input in inputs {
            try expectRoundTrip(input)
        }
    }

    private func expectRoundTrip<Input: WireInput & Equatable>(_ input: Input) throws {
        let bytes = JSONWire.encode(input)
        #expect(try JSONWire.decode(Input.self, from: bytes) == input, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func describesStreamsForClients() throws {
        let summary = StreamDescriptionSummary(
            streamName: "s", streamARN: "arn:aws:kinesis:us-east-1:123456789012:stream/s", streamStatus: .active,
            streamModeDetails: StreamModeDetails(streamMode: .provisioned), retentionPeriodHours: 24,
            streamCreationTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_000),
            enhancedMonitoring: [EnhancedMetrics(shardLevelMetrics: [.all])], encryptionType: EncryptionType.none,
            openShardCount: 2)
        let output = DescribeStreamSummaryOutput(streamDescriptionSummary: summary)
        let text = json(output)
        #expect(text.contains(#""StreamStatus":"ACTIVE""#))
        #expect(text.contains(#""StreamCreationTimestamp":1700000000.0"#))
        #expect(try JSONWire.decode(DescribeStreamSummaryOutput.self, from: Array(text.utf8)) == output)
    }

    @Test func clientDecodingIgnoresUnknownMembersButNeedsRequiredOnes() throws {
        let body = #"{"ShardId":"shardId-000000000000","SequenceNumber":"1","Future":{"x":[1]}}"#
        #expect(
            try JSONWire.decode(PutRecordOutput.self, from: Array(body.utf8))
                == PutRecordOutput(shardId: "shardId-000000000000", sequenceNumber: "1"))
        #expect(throws: KinesisError.self) {
            try JSONWire.decode(PutRecordOutput.self, from: Array(#"{"ShardId":"x"}"#.utf8))
        }
    }
}
