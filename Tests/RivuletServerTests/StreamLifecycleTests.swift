import Foundation
import Testing

@testable import RivuletServer

@Suite struct StreamOperationTests {
    @Test func createDescribeAndListAStream() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("mayWeblogStream", shards: 3, region: "ap-south-1")
        let summary = try await harness.call(
            "DescribeStreamSummary", #"{"StreamName":"mayWeblogStream"}"#, region: "ap-south-1")
        let description = try #require(summary["StreamDescriptionSummary"] as? [String: Any])
        #expect(description["StreamStatus"] as? String == "ACTIVE")
        #expect(description["OpenShardCount"] as? Int == 3)
        #expect(description["RetentionPeriodHours"] as? Int == 24)
        #expect(
            description["StreamARN"] as? String == "arn:aws:kinesis:ap-south-1:000000000000:stream/mayWeblogStream")

        let shards = try await harness.call("ListShards", #"{"StreamName":"mayWeblogStream"}"#, region: "ap-south-1")
        let list = try #require(shards["Shards"] as? [[String: Any]])
        #expect(list.compactMap { $0["ShardId"] as? String } == (0..<3).map { "shardId-00000000000\($0)" })
    }

    @Test func streamsAreScopedByRegion() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("regional", region: "ap-south-1")
        let elsewhere = await harness.send("DescribeStreamSummary", #"{"StreamName":"regional"}"#, region: "us-east-1")
        #expect(elsewhere.status == 400)
        #expect(elsewhere.errorType == "ResourceNotFoundException")
        #expect(elsewhere.message == "Stream regional under account 000000000000 not found.")
        // The same name may exist in another region independently.
        try await harness.createStream("regional", region: "us-east-1")
    }

    @Test func creatingAnExistingStreamIsResourceInUse() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("twice")
        let again = await harness.send("CreateStream", #"{"StreamName":"twice","ShardCount":1}"#)
        #expect(again.errorType == "ResourceInUseException")
        #expect(again.message == "Stream twice under account 000000000000 already exists.")
    }

    @Test func statusTransitionsTakeTheConfiguredDelay() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 5_000)
        try await harness.createStream("slow", shards: 1)
        func status() async throws -> String? {
            let body = try await harness.call("DescribeStreamSummary", #"{"StreamName":"slow"}"#)
            return (body["StreamDescriptionSummary"] as? [String: Any])?["StreamStatus"] as? String
        }
        #expect(try await status() == "CREATING")
        let early = await harness.send("PutRecord", #"{"StreamName":"slow","PartitionKey":"k","Data":"AA=="}"#)
        #expect(early.errorType == "ResourceNotFoundException")
        harness.clock.advance(milliseconds: 5_000)
        #expect(try await status() == "ACTIVE")

        try await harness.call("DeleteStream", #"{"StreamName":"slow"}"#)
        #expect(try await status() == "DELETING")
        harness.clock.advance(milliseconds: 5_000)
        let gone = await harness.send("DescribeStreamSummary", #"{"StreamName":"slow"}"#)
        #expect(gone.errorType == "ResourceNotFoundException")
    }

    @Test func onDemandStreamsStartWithFourShards() async throws {
        let harness = DispatcherHarness()
        try await harness.call(
            "CreateStream", #"{"StreamName":"elastic","StreamModeDetails":{"StreamMode":"ON_DEMAND"}}"#)
        let body = try await harness.call("DescribeStreamSummary", #"{"StreamName":"elastic"}"#)
        let summary = try #require(body["StreamDescriptionSummary"] as? [String: Any])
        #expect(summary["OpenShardCount"] as? Int == 4)
        #expect((summary["StreamModeDetails"] as? [String: Any])?["StreamMode"] as? String == "ON_DEMAND")
    }

    @Test func listStreamsPagesWithNextToken() async throws {
        let harness = DispatcherHarness()
        for name in ["c", "a", "e", "b", "d"] {
            try await harness.createStream(name, shards: 1)
        }
        let first = try await harness.call("ListStreams", #"{"Limit":2}"#)
        #expect(first["StreamNames"] as? [String] == ["a", "b"])
        #expect(first["HasMoreStreams"] as? Bool == true)
        let token = try #require(first["NextToken"] as? String)
        let second = try await harness.call("ListStreams", #"{"NextToken":"\#(token)","Limit":10}"#)
        #expect(second["StreamNames"] as? [String] == ["c", "d", "e"])
        #expect(second["HasMoreStreams"] as? Bool == false)
        #expect(second["NextToken"] == nil)
        let summaries = try #require(second["StreamSummaries"] as? [[String: Any]])
        #expect(summaries.count == 3)
    }

    @Test func listShardsPagesAndRefusesTokenWithName() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("wide", shards: 5)
        let first = try await harness.call("ListShards", #"{"StreamName":"wide","MaxResults":2}"#)
        #expect((first["Shards"] as? [Any])?.count == 2)
        let token = try #require(first["NextToken"] as? String)
        let both = await harness.send("ListShards", #"{"StreamName":"wide","NextToken":"\#(token)"}"#)
        #expect(both.errorType == "InvalidArgumentException")
        #expect(both.message == "NextToken and StreamName cannot be provided together.")
        let second = try await harness.call("ListShards", #"{"NextToken":"\#(token)","MaxResults":10}"#)
        let ids = (second["Shards"] as? [[String: Any]])?.compactMap { $0["ShardId"] as? String }
        #expect(ids == ["shardId-000000000002", "shardId-000000000003", "shardId-000000000004"])
        #expect(second["NextToken"] == nil)
        harness.clock.advance(milliseconds: 300_001)
        let expired = await harness.send("ListShards", #"{"NextToken":"\#(token)"}"#)
        #expect(expired.errorType == "ExpiredNextTokenException")
    }

    @Test func tagsAreAddedListedAndRemoved() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("tagged", shards: 1)
        try await harness.call("AddTagsToStream", #"{"StreamName":"tagged","Tags":{"b":"2","a":"1","c":""}}"#)
        let listed = try await harness.call("ListTagsForStream", #"{"StreamName":"tagged","Limit":2}"#)
        let keys = (listed["Tags"] as? [[String: Any]])?.compactMap { $0["Key"] as? String }
        #expect(keys == ["a", "b"])
        #expect(listed["HasMoreTags"] as? Bool == true)
        try await harness.call("RemoveTagsFromStream", #"{"StreamName":"tagged","TagKeys":["a"]}"#)
        let arn = "arn:aws:kinesis:us-east-1:000000000000:stream/tagged"
        let byArn = try await harness.call("ListTagsForResource", #"{"ResourceARN":"\#(arn)"}"#)
        #expect((byArn["Tags"] as? [[String: Any]])?.compactMap { $0["Key"] as? String } == ["b", "c"])

        let many = (0..<50).map { #""k\#($0)":"v""# }.joined(separator: ",")
        let tooMany = await harness.send("AddTagsToStream", #"{"StreamName":"tagged","Tags":{\#(many)}}"#)
        #expect(tooMany.errorType == "InvalidArgumentException")
    }

    @Test func retentionMovesWithinBounds() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("kept", shards: 1)
        try await harness.call("IncreaseStreamRetentionPeriod", #"{"StreamName":"kept","RetentionPeriodHours":48}"#)
        let shorter = await harness.send(
            "IncreaseStreamRetentionPeriod", #"{"StreamName":"kept","RetentionPeriodHours":30}"#)
        #expect(shorter.errorType == "InvalidArgumentException")
        #expect(
            shorter.message
                == "Requested retention period (30 hours) for stream kept can not be shorter than existing retention "
                + "period (48 hours). Use DecreaseRetentionPeriod API.")
        let tooLong = await harness.send(
            "IncreaseStreamRetentionPeriod", #"{"StreamName":"kept","RetentionPeriodHours":9000}"#)
        #expect(tooLong.errorType == "InvalidArgumentException")
        try await harness.call("DecreaseStreamRetentionPeriod", #"{"StreamName":"kept","RetentionPeriodHours":24}"#)
        let body = try await harness.call("DescribeStreamSummary", #"{"StreamName":"kept"}"#)
        #expect((body["StreamDescriptionSummary"] as? [String: Any])?["RetentionPeriodHours"] as? Int == 24)
    }
}
