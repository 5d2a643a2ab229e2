import Foundation
import RivuletCore
import Testing

@testable import RivuletServer

/// SplitShard, MergeShards and UpdateShardCount through the dispatcher, over the memory store and a manual clock.
@Suite struct ReshardingTests {
    static let account = "000000000000"
    static let half = "170141183460469231731687303715884105728"  // 2^127

    func shards(_ harness: DispatcherHarness, _ stream: String, filter: String = "") async throws -> [[String: Any]] {
        let filterMember = filter.isEmpty ? "" : #","ShardFilter":\#(filter)"#
        let body = try await harness.call("ListShards", #"{"StreamName":"\#(stream)"\#(filterMember)}"#)
        return try #require(body["Shards"] as? [[String: Any]])
    }

    func ids(_ shards: [[String: Any]]) -> [String] { shards.compactMap { $0["ShardId"] as? String } }

    func hashRange(_ shard: [String: Any]) -> (String, String)? {
        guard let range = shard["HashKeyRange"] as? [String: Any], let start = range["StartingHashKey"] as? String,
            let end = range["EndingHashKey"] as? String
        else { return nil }
        return (start, end)
    }

    func sequenceRange(_ shard: [String: Any]) -> (start: String?, end: String?) {
        let range = shard["SequenceNumberRange"] as? [String: Any]
        return (range?["StartingSequenceNumber"] as? String, range?["EndingSequenceNumber"] as? String)
    }

    func status(_ harness: DispatcherHarness, _ stream: String) async throws -> String? {
        let body = try await harness.call("DescribeStreamSummary", #"{"StreamName":"\#(stream)"}"#)
        return (body["StreamDescriptionSummary"] as? [String: Any])?["StreamStatus"] as? String
    }

    func put(_ harness: DispatcherHarness, _ stream: String, key: String, data: String, hash: String? = nil)
        async throws -> [String: Any]
    {
        let explicit = hash.map { #","ExplicitHashKey":"\#($0)""# } ?? ""
        return try await harness.call(
            "PutRecord", #"{"StreamName":"\#(stream)","PartitionKey":"\#(key)","Data":"\#(base64(data))"\#(explicit)}"#)
    }

    /// Reads a shard from its trim horizon to the end of a closed shard; returns the data and the last answer.
    func readToEnd(_ harness: DispatcherHarness, _ stream: String, shard: String) async throws
        -> (data: [String], last: [String: Any])
    {
        var iterator = try await harness.iterator(stream, shard: shard, type: "TRIM_HORIZON")
        var data: [String] = []
        for _ in 0..<100 {
            let page = try await harness.call("GetRecords", #"{"ShardIterator":"\#(iterator)"}"#)
            for record in page["Records"] as? [[String: Any]] ?? [] {
                let bytes = Data(base64Encoded: record["Data"] as? String ?? "") ?? Data()
                data.append(String(decoding: bytes, as: UTF8.self))
            }
            guard let next = page["NextShardIterator"] as? String else { return (data, page) }
            iterator = next
        }
        throw HarnessFailure(description: "shard \(shard) never ended")
    }

    // MARK: SplitShard

    @Test func splitClosesTheParentAndChildrenTakeItsRange() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("split", shards: 1)
        try await put(harness, "split", key: "a", data: "before-1", hash: "5")
        try await put(harness, "split", key: "a", data: "before-2", hash: "5")
        harness.clock.advance(milliseconds: 1_000)
        let answer = await harness.send(
            "SplitShard", #"{"StreamName":"split","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"\#(Self.half)"}"#)
        #expect(answer.status == 200)
        #expect(answer.rawBody.isEmpty)

        let listed = try await shards(harness, "split")
        #expect(ids(listed) == ["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"])
        let parentEnd = try #require(sequenceRange(listed[0]).end)
        #expect(listed[1]["ParentShardId"] as? String == "shardId-000000000000")
        #expect(listed[2]["ParentShardId"] as? String == "shardId-000000000000")
        #expect(listed[1]["AdjacentParentShardId"] == nil)
        #expect(hashRange(listed[1])! == ("0", "170141183460469231731687303715884105727"))
        #expect(hashRange(listed[2])! == (Self.half, "340282366920938463463374607431768211455"))
        #expect(sequenceRange(listed[1]).end == nil)
        for child in listed[1...] {
            let start = try #require(sequenceRange(child).start)
            #expect(start.count == parentEnd.count && start > parentEnd)
        }

        let after = try await put(harness, "split", key: "a", data: "after", hash: "5")
        #expect(after["ShardId"] as? String == "shardId-000000000001")
        let parent = try await readToEnd(harness, "split", shard: "shardId-000000000000")
        #expect(parent.data == ["before-1", "before-2"])
        #expect(parent.last["NextShardIterator"] == nil)
        let children = try #require(parent.last["ChildShards"] as? [[String: Any]])
        #expect(ids(children) == ["shardId-000000000001", "shardId-000000000002"])
        #expect(children.allSatisfy { ($0["ParentShards"] as? [String]) == ["shardId-000000000000"] })
        #expect(hashRange(children[1])! == (Self.half, "340282366920938463463374607431768211455"))

        let again = await harness.send(
            "SplitShard", #"{"StreamName":"split","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"\#(Self.half)"}"#)
        #expect(again.errorType == "InvalidArgumentException")
        #expect(
            again.message
                == "Shard shardId-000000000000 in stream split under account \(Self.account) has already been merged "
                + "or split, and thus is not eligible for merging or splitting.")
    }

    @Test func aSplitTakesEffectWhenUpdatingEnds() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 5_000)
        try await harness.createStream("slow", shards: 1)
        harness.clock.advance(milliseconds: 5_000)
        #expect(try await status(harness, "slow") == "ACTIVE")

        try await harness.call(
            "SplitShard", #"{"StreamName":"slow","ShardToSplit":"shard-0","NewStartingHashKey":"2"}"#)
        #expect(try await status(harness, "slow") == "UPDATING")
        // As AWS: the old layout stays until the update completes, and records still go to the parent.
        #expect(ids(try await shards(harness, "slow")) == ["shardId-000000000000"])
        let during = try await put(harness, "slow", key: "k", data: "during", hash: "1")
        #expect(during["ShardId"] as? String == "shardId-000000000000")
        let busy = await harness.send(
            "SplitShard", #"{"StreamName":"slow","ShardToSplit":"shard-0","NewStartingHashKey":"2"}"#)
        #expect(busy.errorType == "ResourceInUseException")
        #expect(busy.message == "Stream slow under account \(Self.account) not ACTIVE, instead in state UPDATING")
        let count = await harness.send("UpdateShardCount", #"{"StreamName":"slow","TargetShardCount":2,"ScalingType":"UNIFORM_SCALING"}"#)
        #expect(count.errorType == "ResourceInUseException")

        harness.clock.advance(milliseconds: 5_000)
        #expect(try await status(harness, "slow") == "ACTIVE")
        let listed = try await shards(harness, "slow")
        #expect(ids(listed).count == 3)
        #expect(hashRange(listed[1])! == ("0", "1"))
        #expect(hashRange(listed[2])!.0 == "2")
        let after = try await put(harness, "slow", key: "k", data: "after", hash: "1")
        #expect(after["ShardId"] as? String == "shardId-000000000001")
        let parent = try await readToEnd(harness, "slow", shard: "shardId-000000000000")
        #expect(parent.data == ["during"])
        let childIterator = try await harness.iterator("slow", shard: "shardId-000000000001", type: "TRIM_HORIZON")
        let child = try await harness.call("GetRecords", #"{"ShardIterator":"\#(childIterator)"}"#)
        #expect((child["Records"] as? [[String: Any]])?.count == 1)
        #expect(child["NextShardIterator"] is String)
    }

    @Test func splitRefusalsUseAWSMessages() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("three", shards: 3)
        func refusal(_ body: String) async -> (String?, String?) {
            let answer = await harness.send("SplitShard", body)
            return (answer.errorType, answer.message)
        }
        #expect(
            await refusal(#"{"StreamName":"nope","ShardToSplit":"shard-0","NewStartingHashKey":"5"}"#)
                == ("ResourceNotFoundException", "Stream nope under account \(Self.account) not found."))
        #expect(
            await refusal(#"{"StreamName":"nope","ShardToSplit":"2147483648","NewStartingHashKey":"5"}"#)
                == (
                    "ResourceNotFoundException",
                    "Could not find shard 2147483648 in stream nope under account \(Self.account)."
                ))
        #expect(
            await refusal(#"{"StreamName":"three","ShardToSplit":"shardId-5","NewStartingHashKey":"5"}"#)
                == (
                    "ResourceNotFoundException",
                    "Could not find shard shardId-000000000005 in stream three under account \(Self.account)."
                ))
        let end0 = "113427455640312821154458202477256070484"
        for key in ["1", "0", end0, "999999999999999999999999999999999999999"] {
            #expect(
                await refusal(#"{"StreamName":"three","ShardToSplit":"x-0","NewStartingHashKey":"\#(key)"}"#)
                    == (
                        "InvalidArgumentException",
                        "NewStartingHashKey \(key) used in SplitShard() on shard shardId-000000000000 in stream three "
                            + "under account \(Self.account) is not both greater than one plus the shard's "
                            + "StartingHashKey 0 and less than the shard's EndingHashKey \(end0)."
                    ))
        }
        let missing = await harness.send("SplitShard", #"{"StreamName":"three"}"#)
        #expect(missing.errorType == "ValidationException")

        try await harness.call(
            "CreateStream", #"{"StreamName":"elastic","StreamModeDetails":{"StreamMode":"ON_DEMAND"}}"#)
        let (type, message) = await refusal(
            #"{"StreamName":"elastic","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"5"}"#)
        #expect(type == "ValidationException")
        #expect(message?.contains("ON_DEMAND") == true)
        let merge = await harness.send(
            "MergeShards", #"{"StreamName":"elastic","ShardToMerge":"shard-0","AdjacentShardToMerge":"shard-1"}"#)
        #expect(merge.errorType == "ValidationException")
        let count = await harness.send(
            "UpdateShardCount", #"{"StreamName":"elastic","TargetShardCount":2,"ScalingType":"UNIFORM_SCALING"}"#)
        #expect(count.errorType == "ValidationException")
    }

    // MARK: MergeShards

    @Test func mergeJoinsAdjacentShards() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("merge", shards: 3)
        try await put(harness, "merge", key: "k", data: "zero", hash: "7")
        try await harness.call(
            "MergeShards", #"{"StreamName":"merge","ShardToMerge":"shardId-000000000000","AdjacentShardToMerge":"1"}"#)
        let listed = try await shards(harness, "merge")
        #expect(ids(listed).count == 4)
        #expect(sequenceRange(listed[0]).end != nil && sequenceRange(listed[1]).end != nil)
        #expect(listed[3]["ParentShardId"] as? String == "shardId-000000000000")
        #expect(listed[3]["AdjacentParentShardId"] as? String == "shardId-000000000001")
        #expect(hashRange(listed[3])! == ("0", "226854911280625642308916404954512140969"))

        let parent = try await readToEnd(harness, "merge", shard: "shardId-000000000000")
        #expect(parent.data == ["zero"])
        let children = try #require(parent.last["ChildShards"] as? [[String: Any]])
        #expect(ids(children) == ["shardId-000000000003"])
        #expect(children[0]["ParentShards"] as? [String] == ["shardId-000000000000", "shardId-000000000001"])
        let after = try await put(harness, "merge", key: "k", data: "one", hash: "7")
        #expect(after["ShardId"] as? String == "shardId-000000000003")
    }

    @Test func mergeRefusesShardsThatAreNotAnAdjacentOpenPair() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("pairs", shards: 3)
        func refusal(_ first: String, _ second: String) async -> (String?, String?) {
            let answer = await harness.send(
                "MergeShards", #"{"StreamName":"pairs","ShardToMerge":"\#(first)","AdjacentShardToMerge":"\#(second)"}"#)
            return (answer.errorType, answer.message)
        }
        for (first, second) in [("shard-0", "shard-2"), ("shard-1", "shard-0"), ("shard-1", "shard-1")] {
            let (type, message) = await refusal(first, second)
            #expect(type == "InvalidArgumentException")
            #expect(message?.hasSuffix("are not an adjacent pair of shards eligible for merging") == true)
        }
        #expect(
            await refusal("shard-0", "shard-2")
                == (
                    "InvalidArgumentException",
                    "Shards shardId-000000000000 and shardId-000000000002 in stream pairs under account "
                        + "\(Self.account) are not an adjacent pair of shards eligible for merging"
                ))
        #expect(
            await refusal("shard-0", "shardId-5")
                == (
                    "ResourceNotFoundException",
                    "Could not find shard shardId-000000000005 in stream pairs under account \(Self.account)."
                ))
        try await harness.call(
            "MergeShards", #"{"StreamName":"pairs","ShardToMerge":"shard-1","AdjacentShardToMerge":"shard-2"}"#)
        let (type, message) = await refusal("shard-0", "shard-1")
        #expect(type == "InvalidArgumentException")
        #expect(
            message
                == "Shard shardId-000000000001 in stream pairs under account \(Self.account) has already been merged "
                + "or split, and thus is not eligible for merging or splitting.")
    }

    // MARK: UpdateShardCount

    @Test func updateShardCountDoublesAndHalvesUniformly() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("scale", shards: 2)
        let listedTwo = try await shards(harness, "scale")
        #expect(hashRange(listedTwo[1])!.0 == Self.half)

        let answer = try await harness.call(
            "UpdateShardCount", #"{"StreamName":"scale","TargetShardCount":4,"ScalingType":"UNIFORM_SCALING"}"#)
        #expect(answer["StreamName"] as? String == "scale")
        #expect(answer["CurrentShardCount"] as? Int == 2)
        #expect(answer["TargetShardCount"] as? Int == 4)
        #expect(answer["StreamARN"] as? String == "arn:aws:kinesis:us-east-1:\(Self.account):stream/scale")
        var listed = try await shards(harness, "scale")
        #expect(listed.count == 6)
        let open = listed.filter { sequenceRange($0).end == nil }
        #expect(ids(open) == (2..<6).map { "shardId-00000000000\($0)" })
        #expect(open.compactMap { hashRange($0)?.0 } == HashKeyRange.evenSplit(count: 4).map { String($0.startingHashKey) })

        try await harness.call(
            "UpdateShardCount", #"{"StreamName":"scale","TargetShardCount":2,"ScalingType":"UNIFORM_SCALING"}"#)
        listed = try await shards(harness, "scale")
        #expect(listed.count == 8)
        let merged = listed.filter { sequenceRange($0).end == nil }
        #expect(ids(merged) == ["shardId-000000000006", "shardId-000000000007"])
        #expect(merged[0]["ParentShardId"] as? String == "shardId-000000000002")
        #expect(merged[0]["AdjacentParentShardId"] as? String == "shardId-000000000003")
    }

    @Test func fourToThreeSplitsAndMergesLikeAWS() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("odd", shards: 4)
        for number in 0..<40 {
            try await put(harness, "odd", key: "key-\(number)", data: "r\(number)")
        }
        try await harness.call(
            "UpdateShardCount", #"{"StreamName":"odd","TargetShardCount":3,"ScalingType":"UNIFORM_SCALING"}"#)
        let listed = try await shards(harness, "odd")
        #expect(listed.count == 11)
        let open = listed.filter { sequenceRange($0).end == nil }
        #expect(ids(open) == ["shardId-000000000006", "shardId-000000000009", "shardId-000000000010"])
        #expect(
            open.compactMap { hashRange($0).map { [$0.0, $0.1] } }
                == HashKeyRange.evenSplit(count: 3).map { [String($0.startingHashKey), String($0.endingHashKey)] })
        // Every shard but the open ones has an end, and every new one has a parent.
        #expect(listed.filter { sequenceRange($0).end != nil }.count == 8)
        #expect(listed[4...].allSatisfy { $0["ParentShardId"] != nil })
        // Short-lived shards hold nothing and lead on to their own children.
        let step = try await readToEnd(harness, "odd", shard: "shardId-000000000004")
        #expect(step.data.isEmpty)
        #expect(ids(try #require(step.last["ChildShards"] as? [[String: Any]])) == ["shardId-000000000006"])
    }

    @Test func updateShardCountLimits() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("limits", shards: 6)
        func refusal(_ target: Int) async -> (String?, String?) {
            let answer = await harness.send(
                "UpdateShardCount",
                #"{"StreamName":"limits","TargetShardCount":\#(target),"ScalingType":"UNIFORM_SCALING"}"#)
            return (answer.errorType, answer.message)
        }
        #expect(
            await refusal(13)
                == (
                    "LimitExceededException",
                    "UpdateShardCount cannot scale up over double your current open shard count. Current open shard "
                        + "count: 6, Target shard count: 13"
                ))
        #expect(
            await refusal(2)
                == (
                    "LimitExceededException",
                    "UpdateShardCount cannot scale down below half your current open shard count. Current open shard "
                        + "count: 6, Target shard count: 2"
                ))
        #expect(
            await refusal(501)
                == (
                    "LimitExceededException",
                    "Target shard count or number of open shards cannot be greater than 500. Current open shard "
                        + "count: 6, Target shard count: 501"
                ))
        let badType = await harness.send(
            "UpdateShardCount", #"{"StreamName":"limits","TargetShardCount":3,"ScalingType":"FAST"}"#)
        #expect(badType.errorType == "ValidationException")
        let missing = await harness.send(
            "UpdateShardCount", #"{"StreamName":"nope","TargetShardCount":3,"ScalingType":"UNIFORM_SCALING"}"#)
        #expect(missing.message == "Stream nope under account \(Self.account) not found.")
        try await harness.call(
            "UpdateShardCount", #"{"StreamName":"limits","TargetShardCount":3,"ScalingType":"UNIFORM_SCALING"}"#)
    }

    // MARK: ListShards filters with closed shards

    @Test func shardFiltersSeeClosedShards() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("filters", shards: 2)
        let created = harness.clock.nowMilliseconds()
        harness.clock.advance(milliseconds: 60_000)
        try await harness.call(
            "SplitShard", #"{"StreamName":"filters","ShardToSplit":"shard-0","NewStartingHashKey":"1000"}"#)
        let split = harness.clock.nowMilliseconds()
        harness.clock.advance(milliseconds: 60_000)
        func filtered(_ filter: String) async throws -> [String] {
            ids(try await shards(harness, "filters", filter: filter)).map { String($0.suffix(1)) }
        }
        #expect(try await filtered(#"{"Type":"AT_LATEST"}"#) == ["1", "2", "3"])
        #expect(try await filtered(#"{"Type":"AT_TRIM_HORIZON"}"#) == ["0", "1"])
        #expect(try await filtered(#"{"Type":"FROM_TRIM_HORIZON"}"#) == ["0", "1", "2", "3"])
        #expect(try await filtered(#"{"Type":"AFTER_SHARD_ID","ShardId":"shardId-000000000001"}"#) == ["2", "3"])
        let before = Double(created + 30_000) / 1000
        let after = Double(split + 30_000) / 1000
        #expect(try await filtered(#"{"Type":"AT_TIMESTAMP","Timestamp":\#(before)}"#) == ["0", "1"])
        #expect(try await filtered(#"{"Type":"FROM_TIMESTAMP","Timestamp":\#(before)}"#) == ["0", "1", "2", "3"])
        #expect(try await filtered(#"{"Type":"AT_TIMESTAMP","Timestamp":\#(after)}"#) == ["1", "2", "3"])
        #expect(try await filtered(#"{"Type":"FROM_TIMESTAMP","Timestamp":\#(after)}"#) == ["1", "2", "3"])
    }
}

@Suite struct ClosedShardExpiryTests {
    @Test func closedShardsDisappearOnceRetentionHasPassedSinceTheyClosed() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("aging", shards: 1)
        try await harness.call(
            "SplitShard", #"{"StreamName":"aging","ShardToSplit":"shard-0","NewStartingHashKey":"1000"}"#)
        let expiry = ClosedShardExpiry(store: harness.store)
        harness.clock.advance(milliseconds: 23 * 3_600_000)
        #expect(try await expiry.run(nowMilliseconds: harness.clock.nowMilliseconds()) == 0)
        harness.clock.advance(milliseconds: 2 * 3_600_000)
        #expect(try await expiry.run(nowMilliseconds: harness.clock.nowMilliseconds()) == 1)
        let body = try await harness.call("ListShards", #"{"StreamName":"aging"}"#)
        let shards = try #require(body["Shards"] as? [[String: Any]])
        #expect(shards.compactMap { $0["ShardId"] as? String } == ["shardId-000000000001", "shardId-000000000002"])
        #expect(shards[0]["ParentShardId"] as? String == "shardId-000000000000")
        // The next reshard still takes fresh indices.
        try await harness.call(
            "MergeShards", #"{"StreamName":"aging","ShardToMerge":"shard-1","AdjacentShardToMerge":"shard-2"}"#)
        let merged = try await harness.call("ListShards", #"{"StreamName":"aging"}"#)
        #expect((merged["Shards"] as? [[String: Any]])?.last?["ShardId"] as? String == "shardId-000000000003")
    }
}
