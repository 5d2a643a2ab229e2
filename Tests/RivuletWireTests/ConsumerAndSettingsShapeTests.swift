import RivuletCore
import Testing

@testable import RivuletWire

/// The shapes of the consumer, account, policy, monitoring, encryption and SubscribeToShard operations: requests
/// survive their own checks, refusals read as the service words them, and answers read as the service sends them.
@Suite struct ConsumerAndSettingsShapeTests {
    private static let streamARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders"
    private static let consumerARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/app:1700000000"

    /// The message of the ValidationException a request body earns; nil when it is accepted or refused otherwise.
    private func validationMessage<Input: WireInput>(_: Input.Type, _ json: String) -> String? {
        do {
            _ = try JSONWire.decode(Input.self, from: Array(json.utf8))
            return nil
        } catch {
            return error.code == .validation ? error.message : nil
        }
    }

    private func oneError(_ value: String, at path: String, _ violation: String) -> String {
        "1 validation error detected: Value \(value) at '\(path)' failed to satisfy constraint: \(violation)"
    }

    private func decode<Output: WireOutput>(_: Output.Type, _ json: String) throws -> Output {
        try JSONWire.decode(Output.self, from: Array(json.utf8))
    }

    // MARK: Requests

    @Test func everyRequestRoundTripsThroughItsOwnChecks() throws {
        let arn = Self.streamARN
        let inputs: [any WireInput & Equatable] = [
            DescribeAccountSettingsInput(),
            UpdateAccountSettingsInput(
                minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentInput(status: .enabled)),
            UpdateMaxRecordSizeInput(streamARN: arn, maxRecordSizeInKiB: 10_240),
            UpdateStreamWarmThroughputInput(streamName: "orders", warmThroughputMiBps: 0),
            EnableEnhancedMonitoringInput(streamName: "orders", shardLevelMetrics: [.incomingBytes, .all]),
            DisableEnhancedMonitoringInput(
                shardLevelMetrics: [.iteratorAgeMilliseconds], streamARN: arn, streamId: "abcdefghij0123456789-abc"),
            PutResourcePolicyInput(resourceARN: Self.consumerARN, policy: #"{"Version":"2012-10-17","Statement":[]}"#),
            GetResourcePolicyInput(resourceARN: arn),
            DeleteResourcePolicyInput(resourceARN: arn),
            RegisterStreamConsumerInput(streamARN: arn, consumerName: "app-1.v2_blue", tags: ["team": "data"]),
            DescribeStreamConsumerInput(consumerARN: Self.consumerARN),
            ListStreamConsumersInput(
                streamARN: arn, nextToken: "token", maxResults: 10_000,
                streamCreationTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_250)),
            DeregisterStreamConsumerInput(streamARN: arn, consumerName: "app"),
            StartStreamEncryptionInput(streamName: "orders", encryptionType: .kms, keyId: "alias/aws/kinesis"),
            StopStreamEncryptionInput(encryptionType: .kms, keyId: "alias/aws/kinesis", streamARN: arn),
            SubscribeToShardInput(
                consumerARN: Self.consumerARN, shardId: "shardId-000000000000",
                startingPosition: StartingPosition(
                    type: .atTimestamp, timestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_001))),
            SubscribeToShardInput(
                consumerARN: Self.consumerARN, shardId: "shardId-000000000001",
                startingPosition: StartingPosition(
                    type: .afterSequenceNumber,
                    sequenceNumber: "49590338271490256608559692538361571095921575989136588898")),
        ]
        for input in inputs {
            try expectRoundTrip(input)
        }
    }

    private func expectRoundTrip<Input: WireInput & Equatable>(_ input: Input) throws {
        let bytes = JSONWire.encode(input)
        #expect(try JSONWire.decode(Input.self, from: bytes) == input, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func writesRequestsWithTheModelsMemberNames() {
        let input = SubscribeToShardInput(
            consumerARN: Self.consumerARN, shardId: "shardId-000000000000",
            startingPosition: StartingPosition(type: .trimHorizon))
        #expect(
            String(decoding: JSONWire.encode(input), as: UTF8.self)
                == #"{"ConsumerARN":"\#(Self.consumerARN)","ShardId":"shardId-000000000000","#
                + #""StartingPosition":{"Type":"TRIM_HORIZON"}}"#)
    }

    // MARK: Refusals

    @Test func consumerNamesFollowTheNamePattern() {
        #expect(
            validationMessage(
                RegisterStreamConsumerInput.self, #"{"StreamARN":"\#(Self.streamARN)","ConsumerName":"my app"}"#)
                == oneError(
                    "'my app'", at: "consumerName",
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"))
        let long = String(repeating: "c", count: 129)
        #expect(
            validationMessage(
                RegisterStreamConsumerInput.self, #"{"StreamARN":"\#(Self.streamARN)","ConsumerName":"\#(long)"}"#)
                == oneError("'\(long)'", at: "consumerName", "Member must have length less than or equal to 128"))
        #expect(
            validationMessage(RegisterStreamConsumerInput.self, "{}")
                == "2 validation errors detected: "
                + "Value null at 'consumerName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'streamARN' failed to satisfy constraint: Member must not be null")
    }

    @Test func consumerARNsFollowTheModelsPattern() {
        let pattern =
            #"^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+"#
        let body =
            #"{"ConsumerARN":"\#(Self.streamARN)","ShardId":"shardId-000000000000","#
            + #""StartingPosition":{"Type":"LATEST"}}"#
        #expect(
            validationMessage(SubscribeToShardInput.self, body)
                == oneError(
                    "'\(Self.streamARN)'", at: "consumerARN",
                    "Member must satisfy regular expression pattern: \(pattern)"))
        #expect(
            validationMessage(DescribeStreamConsumerInput.self, #"{"ConsumerARN":""}"#)
                == "2 validation errors detected: "
                + "Value '' at 'consumerARN' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: \(pattern); "
                + "Value '' at 'consumerARN' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1")
    }

    @Test(arguments: [
        ("arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/app:1700000000", true),
        ("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a.b-c_d/consumer/e:0", true),
        ("arn:aws:kinesis:us-east-1:123456789012:extra:stream/s/consumer/c:12", true),
        ("arn:aws:kinesis::123456789012:stream/s/consumer/c:1", true),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:", false),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1a", false),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/:1", false),
        ("arn:aws:kinesis:us-east-1:123456789012:stream//consumer/c:1", false),
        ("arn:aws:kinesis:us-east-1:123456789012:stream/s/x/consumer/c:1", false),
        ("arn:aws:kinesis:us-east-1:12345678901:stream/s/consumer/c:1", false),
        ("arn:aws:kinesis:us-east\n-1:123456789012:stream/s/consumer/c:1", false),
        ("arn:aws:firehose:us-east-1:123456789012:stream/s/consumer/c:1", false),
        ("xarn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1", false),
    ])
    func consumerARNPatternMatchesLikeJava(text: String, expected: Bool) {
        #expect(WirePattern.consumerARN.matches(text) == expected)
    }

    /// Texts too short to hold `:kinesis:` after `arn:aws` once trapped the ARN matchers (an empty search range).
    @Test(arguments: [WirePattern.streamARN, .resourceARN, .consumerARN])
    func shortARNsAreRefusedWithoutTrapping(pattern: WirePattern) {
        let texts = ["arn:aws", "arn:aws:", "arn:aws:kinesis", "arn:aws:kinesis:", "arn:awskinesis:stream/s/consumer/c:1"]
        for text in texts {
            #expect(!pattern.matches(text), "\(text)")
        }
    }

    @Test func maxRecordSizeIsBetweenOneAndTenMebibytes() {
        #expect(
            validationMessage(
                UpdateMaxRecordSizeInput.self, #"{"StreamARN":"\#(Self.streamARN)","MaxRecordSizeInKiB":1023}"#)
                == oneError("'1023'", at: "maxRecordSizeInKiB", "Member must have value greater than or equal to 1024"))
        #expect(
            validationMessage(UpdateMaxRecordSizeInput.self, #"{"MaxRecordSizeInKiB":10241}"#)
                == oneError("'10241'", at: "maxRecordSizeInKiB", "Member must have value less than or equal to 10240"))
        #expect(
            validationMessage(UpdateMaxRecordSizeInput.self, #"{"StreamARN":"\#(Self.streamARN)"}"#)
                == oneError("null", at: "maxRecordSizeInKiB", "Member must not be null"))
    }

    @Test func listStreamConsumersPagesHoldOneToTenThousand() {
        #expect(
            validationMessage(ListStreamConsumersInput.self, #"{"StreamARN":"\#(Self.streamARN)","MaxResults":0}"#)
                == oneError("'0'", at: "maxResults", "Member must have value greater than or equal to 1"))
        #expect(
            validationMessage(ListStreamConsumersInput.self, #"{"StreamARN":"\#(Self.streamARN)","MaxResults":10001}"#)
                == oneError("'10001'", at: "maxResults", "Member must have value less than or equal to 10000"))
        #expect(
            validationMessage(ListStreamConsumersInput.self, #"{"NextToken":""}"#)
                == "2 validation errors detected: "
                + "Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1; "
                + "Value null at 'streamARN' failed to satisfy constraint: Member must not be null")
    }

    @Test func encryptionNeedsAKnownTypeAndAKeyOfBoundedLength() {
        #expect(
            validationMessage(StartStreamEncryptionInput.self, #"{"StreamName":"s","EncryptionType":"KMS","KeyId":""}"#)
                == oneError("''", at: "keyId", "Member must have length greater than or equal to 1"))
        let long = String(repeating: "k", count: 2049)
        #expect(
            validationMessage(
                StopStreamEncryptionInput.self, #"{"StreamName":"s","EncryptionType":"KMS","KeyId":"\#(long)"}"#)
                == oneError("'\(long.prefix(256))...'", at: "keyId", "Member must have length less than or equal to 2048"))
        #expect(
            validationMessage(StartStreamEncryptionInput.self, #"{"StreamName":"s","EncryptionType":"AES"}"#)
                == "2 validation errors detected: "
                + "Value 'AES' at 'encryptionType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[NONE, KMS]; "
                + "Value null at 'keyId' failed to satisfy constraint: Member must not be null")
    }

    /// The model gives Policy no length or pattern, so any text passes the wire checks and only absence fails.
    @Test func policiesAreRequiredButUnbounded() throws {
        let arn = Self.streamARN
        #expect(
            validationMessage(PutResourcePolicyInput.self, #"{"ResourceARN":"\#(arn)"}"#)
                == oneError("null", at: "policy", "Member must not be null"))
        let large = String(repeating: " ", count: 100_000)
        let input = try JSONWire.decode(
            PutResourcePolicyInput.self, from: Array(#"{"ResourceARN":"\#(arn)","Policy":"\#(large)"}"#.utf8))
        #expect(input.policy.count == 100_000)
        let empty = try JSONWire.decode(
            PutResourcePolicyInput.self, from: Array(#"{"ResourceARN":"\#(arn)","Policy":""}"#.utf8))
        #expect(empty.policy.isEmpty)
        #expect(
            validationMessage(GetResourcePolicyInput.self, #"{"ResourceARN":"arn:aws:s3:::bucket"}"#)
                == oneError(
                    "'arn:aws:s3:::bucket'", at: "resourceARN",
                    #"Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+"#))
    }

    @Test func shardLevelMetricsAreOneToSevenKnownNames() {
        let names =
            "IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, "
            + "ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL"
        #expect(
            validationMessage(
                EnableEnhancedMonitoringInput.self, #"{"StreamName":"s","ShardLevelMetrics":["IncomingBytes","Nope"]}"#)
                == oneError(
                    "'[IncomingBytes, Nope]'", at: "shardLevelMetrics",
                    "Member must satisfy constraint: [Member must satisfy enum value set: [\(names)]]"))
        #expect(
            validationMessage(DisableEnhancedMonitoringInput.self, #"{"StreamName":"s","ShardLevelMetrics":[]}"#)
                == oneError("'[]'", at: "shardLevelMetrics", "Member must have length greater than or equal to 1"))
        let eight = Array(repeating: #""ALL""#, count: 8).joined(separator: ",")
        #expect(
            validationMessage(EnableEnhancedMonitoringInput.self, #"{"ShardLevelMetrics":[\#(eight)]}"#)
                == oneError(
                    "'[ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL]'", at: "shardLevelMetrics",
                    "Member must have length less than or equal to 7"))
        #expect(
            validationMessage(DisableEnhancedMonitoringInput.self, #"{"StreamName":"s"}"#)
                == oneError("null", at: "shardLevelMetrics", "Member must not be null"))
    }

    @Test func startingPositionsTakeTheIteratorTypes() {
        let body =
            #"{"ConsumerARN":"\#(Self.consumerARN)","ShardId":"shardId-000000000000","#
            + #""StartingPosition":{"Type":"OLDEST","SequenceNumber":"01"}}"#
        #expect(
            validationMessage(SubscribeToShardInput.self, body)
                == "2 validation errors detected: "
                + "Value '01' at 'startingPosition.sequenceNumber' failed to satisfy constraint: Member must satisfy "
                + "regular expression pattern: 0|([1-9]\\d{0,128}); "
                + "Value 'OLDEST' at 'startingPosition.type' failed to satisfy constraint: Member must satisfy enum "
                + "value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]")
        #expect(
            validationMessage(SubscribeToShardInput.self, #"{"ConsumerARN":"\#(Self.consumerARN)","ShardId":"0"}"#)
                == oneError("null", at: "startingPosition", "Member must not be null"))
    }

    @Test func accountSettingsTakeOnlyTheInputStatuses() {
        let body = #"{"MinimumThroughputBillingCommitment":{"Status":"ENABLED_UNTIL_EARLIEST_ALLOWED_END"}}"#
        #expect(
            validationMessage(UpdateAccountSettingsInput.self, body)
                == oneError(
                    "'ENABLED_UNTIL_EARLIEST_ALLOWED_END'", at: "minimumThroughputBillingCommitment.status",
                    "Member must satisfy enum value set: [ENABLED, DISABLED]"))
        #expect(
            validationMessage(UpdateAccountSettingsInput.self, #"{"MinimumThroughputBillingCommitment":{}}"#)
                == oneError("null", at: "minimumThroughputBillingCommitment.status", "Member must not be null"))
    }

    @Test func warmThroughputIsNatural() {
        #expect(
            validationMessage(UpdateStreamWarmThroughputInput.self, #"{"StreamName":"s","WarmThroughputMiBps":-1}"#)
                == oneError("'-1'", at: "warmThroughputMiBps", "Member must have value greater than or equal to 0"))
    }

    // MARK: Answers

    @Test func readsARegisteredConsumerAsTheServiceSendsIt() throws {
        let body =
            #"{"Consumer":{"ConsumerName":"app","ConsumerARN":"\#(Self.consumerARN)","#
            + #""ConsumerStatus":"CREATING","ConsumerCreationTimestamp":1700000000.123}}"#
        let expected = Consumer(
            consumerName: "app", consumerARN: Self.consumerARN, consumerStatus: .creating,
            consumerCreationTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_123))
        let output = try decode(RegisterStreamConsumerOutput.self, body)
        #expect(output == RegisterStreamConsumerOutput(consumer: expected))
        #expect(String(decoding: JSONWire.encode(output), as: UTF8.self) == body)
        #expect(throws: KinesisError.self) {
            try decode(RegisterStreamConsumerOutput.self, #"{"Consumer":{"ConsumerName":"app"}}"#)
        }
    }

    @Test func readsConsumerDescriptionsAndListings() throws {
        let description = try decode(
            DescribeStreamConsumerOutput.self,
            #"{"ConsumerDescription":{"ConsumerName":"app","ConsumerARN":"\#(Self.consumerARN)","#
                + #""ConsumerStatus":"ACTIVE","ConsumerCreationTimestamp":1700000000,"#
                + #""StreamARN":"\#(Self.streamARN)"}}"#)
        #expect(
            description.consumerDescription
                == ConsumerDescription(
                    consumerName: "app", consumerARN: Self.consumerARN, consumerStatus: .active,
                    consumerCreationTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_000),
                    streamARN: Self.streamARN))
        let listing = try decode(
            ListStreamConsumersOutput.self,
            #"{"Consumers":[{"ConsumerName":"app","ConsumerARN":"\#(Self.consumerARN)","#
                + #""ConsumerStatus":"DELETING","ConsumerCreationTimestamp":1.7E9}],"NextToken":"next"}"#)
        #expect(listing.consumers?.map(\.consumerStatus) == [.deleting])
        #expect(listing.nextToken == "next")
        #expect(try decode(ListStreamConsumersOutput.self, "{}") == ListStreamConsumersOutput())
    }

    @Test func readsAccountSettings() throws {
        let output = try decode(
            DescribeAccountSettingsOutput.self,
            #"{"MinimumThroughputBillingCommitment":{"Status":"ENABLED_UNTIL_EARLIEST_ALLOWED_END","#
                + #""StartedAt":1700000000.5,"EarliestAllowedEndAt":1731536000}}"#)
        #expect(
            output.minimumThroughputBillingCommitment
                == MinimumThroughputBillingCommitmentOutput(
                    status: .enabledUntilEarliestAllowedEnd,
                    startedAt: WireTimestamp(epochMilliseconds: 1_700_000_000_500),
                    earliestAllowedEndAt: WireTimestamp(epochMilliseconds: 1_731_536_000_000)))
        let update = UpdateAccountSettingsOutput(
            minimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentOutput(status: .disabled))
        #expect(
            String(decoding: JSONWire.encode(update), as: UTF8.self)
                == #"{"MinimumThroughputBillingCommitment":{"Status":"DISABLED"}}"#)
        #expect(try decode(DescribeAccountSettingsOutput.self, "{}") == DescribeAccountSettingsOutput())
    }

    @Test func readsTheOtherAnswers() throws {
        #expect(
            try decode(
                EnhancedMonitoringOutput.self,
                #"{"StreamName":"s","CurrentShardLevelMetrics":[],"DesiredShardLevelMetrics":["IncomingBytes"],"#
                    + #""StreamARN":"\#(Self.streamARN)"}"#)
                == EnhancedMonitoringOutput(
                    streamName: "s", currentShardLevelMetrics: [], desiredShardLevelMetrics: [.incomingBytes],
                    streamARN: Self.streamARN))
        #expect(try decode(GetResourcePolicyOutput.self, #"{"Policy":"{}"}"#) == GetResourcePolicyOutput(policy: "{}"))
        #expect(throws: KinesisError.self) { try decode(GetResourcePolicyOutput.self, "{}") }
        #expect(
            try decode(
                UpdateStreamWarmThroughputOutput.self,
                #"{"StreamName":"s","WarmThroughput":{"TargetMiBps":100,"CurrentMiBps":4}}"#)
                == UpdateStreamWarmThroughputOutput(
                    streamName: "s", warmThroughput: WarmThroughputObject(targetMiBps: 100, currentMiBps: 4)))
        let empty: [any WireOutput] = [
            UpdateMaxRecordSizeOutput(), PutResourcePolicyOutput(), DeleteResourcePolicyOutput(),
            DeregisterStreamConsumerOutput(), StartStreamEncryptionOutput(), StopStreamEncryptionOutput(),
        ]
        for output in empty {
            #expect(JSONWire.encode(output).isEmpty)
        }
    }

    // MARK: SubscribeToShard

    @Test func subscribeToShardHasNoBodyOfItsOwn() throws {
        #expect(JSONWire.encode(SubscribeToShardOutput()).isEmpty)
        #expect(try JSONWire.decode(SubscribeToShardOutput.self, from: [UInt8]()) == SubscribeToShardOutput())
    }

    @Test func writesAndReadsSubscriptionEvents() throws {
        let event = SubscribeToShardEvent(
            records: [
                Record(
                    sequenceNumber: "49",
                    approximateArrivalTimestamp: WireTimestamp(epochMilliseconds: 1_700_000_000_123),
                    data: Array("hi".utf8), partitionKey: "k")
            ],
            continuationSequenceNumber: "49", millisBehindLatest: 0)
        let text = String(decoding: JSONWire.encode(event), as: UTF8.self)
        #expect(
            text
                == #"{"Records":[{"SequenceNumber":"49","ApproximateArrivalTimestamp":1700000000.123,"Data":"aGk=","#
                + #""PartitionKey":"k"}],"ContinuationSequenceNumber":"49","MillisBehindLatest":0}"#)
        #expect(try JSONWire.decode(SubscribeToShardEvent.self, from: Array(text.utf8)) == event)
    }

    /// At a closed shard's end the service sends the children and no continuation: the event must still read.
    @Test func readsTheLastEventOfAClosedShard() throws {
        let body =
            #"{"Records":[],"MillisBehindLatest":0,"ChildShards":[{"ShardId":"shardId-000000000002","#
            + #""ParentShards":["shardId-000000000000"],"#
            + #""HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"170141183460469231731687303715884105727"}}]}"#
        let event = try JSONWire.decode(SubscribeToShardEvent.self, from: Array(body.utf8))
        #expect(event.continuationSequenceNumber == nil)
        #expect(event.childShards?.map(\.shardId) == ["shardId-000000000002"])
        #expect(String(decoding: JSONWire.encode(event), as: UTF8.self) == body)
        #expect(throws: KinesisError.self) {
            try JSONWire.decode(SubscribeToShardEvent.self, from: Array(#"{"Records":[]}"#.utf8))
        }
    }
}
