import Foundation
import RivuletCore
import Testing

@testable import RivuletServer

/// The smaller control operations: enhanced monitoring, record size, warm throughput, resource policies and account
/// settings.
@Suite struct StreamSettingsOperationTests {
    @Test func enhancedMonitoringReportsBeforeAndAfter() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("watched", shards: 1)
        let enabled = try await harness.call(
            "EnableEnhancedMonitoring", #"{"StreamName":"watched","ShardLevelMetrics":["IncomingBytes","OutgoingRecords"]}"#)
        #expect(enabled["CurrentShardLevelMetrics"] as? [String] == [])
        #expect(enabled["DesiredShardLevelMetrics"] as? [String] == ["IncomingBytes", "OutgoingRecords"])
        let all = try await harness.call("EnableEnhancedMonitoring", #"{"StreamName":"watched","ShardLevelMetrics":["ALL"]}"#)
        #expect((all["DesiredShardLevelMetrics"] as? [String])?.count == 7)
        let disabled = try await harness.call(
            "DisableEnhancedMonitoring", #"{"StreamName":"watched","ShardLevelMetrics":["IncomingBytes"]}"#)
        #expect((disabled["CurrentShardLevelMetrics"] as? [String])?.count == 7)
        #expect((disabled["DesiredShardLevelMetrics"] as? [String])?.contains("IncomingBytes") == false)
        let summary = try await harness.call("DescribeStreamSummary", #"{"StreamName":"watched"}"#)
        let monitoring = (summary["StreamDescriptionSummary"] as? [String: Any])?["EnhancedMonitoring"] as? [[String: Any]]
        #expect((monitoring?.first?["ShardLevelMetrics"] as? [String])?.count == 6)
    }

    @Test func maxRecordSizeRaisesTheRecordLimit() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("big", shards: 1)
        let data = Data(repeating: 0x61, count: 2 * 1024 * 1024).base64EncodedString()
        let refused = await harness.send("PutRecord", #"{"StreamName":"big","PartitionKey":"k","Data":"\#(data)"}"#)
        #expect(refused.status == 400)
        try await harness.call(
            "UpdateMaxRecordSize",
            #"{"StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/big","MaxRecordSizeInKiB":4096}"#)
        #expect(await harness.send("PutRecord", #"{"StreamName":"big","PartitionKey":"k","Data":"\#(data)"}"#).status == 200)
        let summary = try await harness.call("DescribeStreamSummary", #"{"StreamName":"big"}"#)
        #expect((summary["StreamDescriptionSummary"] as? [String: Any])?["MaxRecordSizeInKiB"] as? Int == 4096)
        let noStream = await harness.send("UpdateMaxRecordSize", #"{"MaxRecordSizeInKiB":2048}"#)
        #expect(noStream.errorType == "InvalidArgumentException")
    }

    @Test func warmThroughputIsForOnDemandStreams() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("provisioned", shards: 1)
        let refused = await harness.send(
            "UpdateStreamWarmThroughput", #"{"StreamName":"provisioned","WarmThroughputMiBps":100}"#)
        #expect(refused.errorType == "ValidationException")
        try await harness.call(
            "CreateStream", #"{"StreamName":"elastic","StreamModeDetails":{"StreamMode":"ON_DEMAND"}}"#)
        let updated = try await harness.call(
            "UpdateStreamWarmThroughput", #"{"StreamName":"elastic","WarmThroughputMiBps":100}"#)
        let warm = updated["WarmThroughput"] as? [String: Any]
        #expect(warm?["TargetMiBps"] as? Int == 100)
        #expect(warm?["CurrentMiBps"] as? Int == 100)
    }

    @Test func resourcePoliciesAreStoredAndValidated() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("shared", shards: 1)
        let arn = "arn:aws:kinesis:us-east-1:000000000000:stream/shared"
        let none = try await harness.call("GetResourcePolicy", #"{"ResourceARN":"\#(arn)"}"#)
        #expect(none["Policy"] as? String == "{}")
        let policy = #"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"kinesis:GetRecords\",\"Resource\":\"\#(arn)\"}]}"#
        try await harness.call("PutResourcePolicy", #"{"ResourceARN":"\#(arn)","Policy":"\#(policy)"}"#)
        let stored = try await harness.call("GetResourcePolicy", #"{"ResourceARN":"\#(arn)"}"#)
        #expect((stored["Policy"] as? String)?.contains("kinesis:GetRecords") == true)
        let bad = await harness.send("PutResourcePolicy", #"{"ResourceARN":"\#(arn)","Policy":"not json"}"#)
        #expect(bad.errorType == "InvalidArgumentException")
        let noEffect = await harness.send(
            "PutResourcePolicy", #"{"ResourceARN":"\#(arn)","Policy":"{\"Statement\":[{\"Action\":\"*\"}]}"}"#)
        #expect(noEffect.errorType == "InvalidArgumentException")
        try await harness.call("DeleteResourcePolicy", #"{"ResourceARN":"\#(arn)"}"#)
        let again = await harness.send("DeleteResourcePolicy", #"{"ResourceARN":"\#(arn)"}"#)
        #expect(again.errorType == "ResourceNotFoundException")
    }

    @Test func theBillingCommitmentLastsADayOnceEnabled() async throws {
        let harness = DispatcherHarness()
        func status(_ body: [String: Any]) -> String? {
            (body["MinimumThroughputBillingCommitment"] as? [String: Any])?["Status"] as? String
        }
        #expect(status(try await harness.call("DescribeAccountSettings", "{}")) == "DISABLED")
        let enabled = try await harness.call(
            "UpdateAccountSettings", #"{"MinimumThroughputBillingCommitment":{"Status":"ENABLED"}}"#)
        #expect(status(enabled) == "ENABLED")
        harness.clock.advance(milliseconds: 3_600_000)
        let early = try await harness.call(
            "UpdateAccountSettings", #"{"MinimumThroughputBillingCommitment":{"Status":"DISABLED"}}"#)
        #expect(status(early) == "ENABLED_UNTIL_EARLIEST_ALLOWED_END")
        harness.clock.advance(milliseconds: 23 * 3_600_000)
        #expect(status(try await harness.call("DescribeAccountSettings", "{}")) == "DISABLED")
    }
}
