import RivuletCore
import Testing

@testable import RivuletWire

/// Requests the service refuses, with the exact answer it gives.
@Suite struct ValidationTests {
    private func refusal<Input: WireInput>(_: Input.Type, _ json: String) -> KinesisError? {
        do {
            _ = try JSONWire.decode(Input.self, from: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    private func validation(_ violations: String...) -> KinesisError {
        let noun = violations.count == 1 ? "error" : "errors"
        return KinesisError(
            .validation, "\(violations.count) validation \(noun) detected: " + violations.joined(separator: "; "))
    }

    private func serialization(_ message: String) -> KinesisError {
        KinesisError(.serializationException, message)
    }

    @Test func reportsMissingMembersInAlphabeticalOrder() {
        #expect(
            refusal(PutRecordsInput.self, "{}")
                == validation("Value null at 'records' failed to satisfy constraint: Member must not be null"))
        #expect(
            refusal(GetShardIteratorInput.self, "{}")
                == validation(
                    "Value null at 'shardId' failed to satisfy constraint: Member must not be null",
                    "Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"))
        #expect(
            refusal(GetRecordsInput.self, #"{"ShardIterator": null}"#)
                == validation("Value null at 'shardIterator' failed to satisfy constraint: Member must not be null"))
    }

    @Test func reportsStringConstraintsInTheServiceOrder() {
        let refused = refusal(
            GetShardIteratorInput.self,
            #"{"StreamName":"","ShardIteratorType":"","ShardId":"","StartingSequenceNumber":""}"#)
        #expect(
            refused
                == validation(
                    "Value '' at 'shardId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                    "Value '' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 1",
                    "Value '' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]",
                    "Value '' at 'startingSequenceNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})",
                    "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                    "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1"
                ))
        let long = String(repeating: "a", count: 129)
        #expect(
            refusal(CreateStreamInput.self, #"{"StreamName":"\#(long)"}"#)
                == validation(
                    "Value '\(long)' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128"
                ))
    }

    @Test func reportsNumericBounds() {
        #expect(
            refusal(GetRecordsInput.self, #"{"ShardIterator":"","Limit":0}"#)
                == validation(
                    "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
                    "Value '' at 'shardIterator' failed to satisfy constraint: Member must have length greater than or equal to 1"
                ))
        #expect(
            refusal(GetRecordsInput.self, #"{"ShardIterator":"x","Limit":100000.7}"#)
                == validation(
                    "Value '100000' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000"
                ))
        #expect(
            refusal(CreateStreamInput.self, #"{"StreamName":"s","ShardCount":0,"MaxRecordSizeInKiB":1}"#)
                == validation(
                    "Value '1' at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value greater than or equal to 1024",
                    "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"
                ))
    }

    /// A number its Java type cannot hold never reaches a handler's arithmetic (a shard count of 1e308 once
    /// trapped on overflow and took the server down).
    @Test func refusesNumbersOutsideTheirJavaType() {
        for text in ["1e308", "18446744073709551616", "9223372036854775807", "2147483648", "-2147483649"] {
            let refused = refusal(CreateStreamInput.self, #"{"StreamName":"b","ShardCount":\#(text)}"#)
            guard case .serializationException = refused?.code else {
                Issue.record("ShardCount \(text) was \(String(describing: refused))")
                continue
            }
            #expect(refused?.message.hasPrefix("Numeric value (") == true)
            #expect(refused?.message.hasSuffix("out of range of int (-2147483648 - 2147483647)") == true)
        }
        #expect(refusal(CreateStreamInput.self, #"{"StreamName":"b","ShardCount":2147483647}"#) == nil)
        #expect(refusal(CreateStreamInput.self, #"{"StreamName":"b","ShardCount":2.9}"#) == nil)
    }

    /// A 10 MiB partition key once came back as a 10 MiB error, and a PutRecords of 300,000 entries as a 3.9 MB one.
    @Test func echoedValuesAreCutAndOversizeListsAreNotPrinted() throws {
        let key = String(repeating: "k", count: 10 * 1024 * 1024)
        let refused = try #require(refusal(PutRecordInput.self, #"{"StreamName":"s","Data":"","PartitionKey":"\#(key)"}"#))
        #expect(refused.message.utf8.count < 1_000)
        #expect(refused.message.contains("'\(String(repeating: "k", count: 256))...' at 'partitionKey'"))
        let entries = Array(repeating: #"{"Data":"","PartitionKey":"k"}"#, count: 300_000).joined(separator: ",")
        let oversize = try #require(refusal(PutRecordsInput.self, #"{"StreamName":"s","Records":[\#(entries)]}"#))
        #expect(oversize.code == .validation)
        #expect(oversize.message.utf8.count < 1_000)
        #expect(oversize.message.contains("Member must have length less than or equal to 500"))
        let blob = String(repeating: "x", count: 1_000_001)
        let badBlob = try #require(refusal(PutRecordInput.self, #"{"StreamName":"s","Data":"\#(blob)","PartitionKey":"k"}"#))
        #expect(badBlob.code == .serializationException)
        #expect(badBlob.message.utf8.count < 1_000)
    }

    @Test func reportsNestedMembersWithTheirPaths() {
        let refused = refusal(
            PutRecordsInput.self,
            #"{"StreamName":"s","Records":[{"Data":"","PartitionKey":"k"},{"PartitionKey":"","ExplicitHashKey":"01"}]}"#)
        #expect(
            refused
                == validation(
                    "Value null at 'records.2.member.data' failed to satisfy constraint: Member must not be null",
                    "Value '01' at 'records.2.member.explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})",
                    "Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1"
                ))
        #expect(
            refusal(UpdateStreamModeInput.self, #"{"StreamARN":"arn:aws:kinesis:us-east-1:123456789012:stream/s","StreamModeDetails":{"StreamMode":"FAST"}}"#)
                == validation(
                    "Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]"
                ))
        #expect(
            refusal(ListShardsInput.self, #"{"ShardFilter":{}}"#)
                == validation("Value null at 'shardFilter.type' failed to satisfy constraint: Member must not be null"))
    }

    @Test func reportsListsAndMapsAsWholes() {
        let long = String(repeating: "a", count: 129)
        #expect(
            refusal(RemoveTagsFromStreamInput.self, #"{"StreamName":"s","TagKeys":["a","\#(long)","b"]}"#)
                == validation(
                    "Value '[a, \(long), b]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]"
                ))
        #expect(
            refusal(RemoveTagsFromStreamInput.self, #"{"StreamName":"s","TagKeys":[]}"#)
                == validation(
                    "Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1"))
        #expect(
            refusal(AddTagsToStreamInput.self, #"{"StreamName":"s","Tags":{}}"#)
                == validation(
                    "Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1"))
        #expect(
            refusal(AddTagsToStreamInput.self, #"{"StreamName":"s","Tags":{"":"v"}}"#)
                == validation(
                    "Value '{=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]"
                ))
    }

    @Test func listsAtMostTenViolations() throws {
        let records = Array(repeating: #"{"PartitionKey":""}"#, count: 20).joined(separator: ",")
        let refused = try #require(refusal(PutRecordsInput.self, #"{"Records":[\#(records)]}"#))
        #expect(refused.message.hasPrefix("10 validation errors detected: "))
        #expect(refused.message.components(separatedBy: "; ").count == 10)
    }

    @Test func reportsWrongTypesBeforeConstraints() {
        let number = "com.amazon.coral.value.json.numbers.TruncatingBigNumber"
        #expect(
            refusal(PutRecordsInput.self, #"{"StreamName":23}"#)
                == serialization("class \(number) can not be converted to an String"))
        #expect(refusal(PutRecordsInput.self, #"{"StreamName":[]}"#) == serialization("Start of list found where not expected"))
        #expect(
            refusal(PutRecordsInput.self, #"{"StreamName":{}}"#)
                == serialization("Start of structure or map found where not expected."))
        #expect(refusal(PutRecordsInput.self, #"{"Records":"x"}"#) == serialization("Expected list or null"))
        #expect(refusal(PutRecordsInput.self, #"{"Records":[1]}"#) == serialization("Expected null"))
        #expect(
            refusal(PutRecordsInput.self, #"{"Records":[{"Data":true}]}"#)
                == serialization("class java.lang.Boolean can not be converted to a Blob"))
        #expect(
            refusal(GetRecordsInput.self, #"{"Limit":"23"}"#)
                == serialization("class java.lang.String can not be converted to an Integer"))
        #expect(refusal(AddTagsToStreamInput.self, #"{"Tags":[]}"#) == serialization("Start of list found where not expected"))
        #expect(refusal(AddTagsToStreamInput.self, #"{"Tags":1}"#) == serialization("Expected map or null"))
        #expect(
            refusal(DeleteStreamInput.self, #"{"EnforceConsumerDeletion":"yes"}"#)
                == serialization("'YES' can not be converted to an Boolean"))
    }

    @Test(arguments: [
        ("23456", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
        ("=+/=", "Invalid Base64 character: '='"),
        ("+/+=", "Invalid last non-pad Base64 character dectected"),
        ("ab!d", "Invalid Base64 character: '!'"),
    ])
    func refusesBadBase64(text: String, fault: String) {
        #expect(
            refusal(PutRecordInput.self, #"{"StreamName":"s","PartitionKey":"k","Data":"\#(text)"}"#)
                == serialization("'\(text)' can not be converted to a Blob: \(fault)"))
    }

    @Test func refusesBodiesThatAreNotObjects() {
        #expect(refusal(ListStreamsInput.self, "") == serialization(""))
        #expect(refusal(ListStreamsInput.self, "[]") == serialization(""))
        #expect(refusal(ListStreamsInput.self, "{") == serialization(""))
    }

    @Test func ignoresUnknownMembersAndNulls() throws {
        let input = try JSONWire.decode(
            PutRecordInput.self,
            from: Array(#"{"StreamName":"s","PartitionKey":"k","Data":"aGk=","Unknown":[1],"ExplicitHashKey":null}"#.utf8))
        #expect(input == PutRecordInput(streamName: "s", data: Array("hi".utf8), partitionKey: "k"))
    }
}
