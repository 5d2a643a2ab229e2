import Foundation
import RivuletCore
import Testing

@testable import RivuletServer

@Suite struct ConsumerOperationTests {
    let streamARN = "arn:aws:kinesis:us-east-1:000000000000:stream/orders"

    func register(_ harness: DispatcherHarness, _ name: String) async -> DispatcherHarness.Answer {
        await harness.send("RegisterStreamConsumer", #"{"StreamARN":"\#(streamARN)","ConsumerName":"\#(name)"}"#)
    }

    @Test func consumersMoveThroughTheirStatusesWithTheConfiguredDelay() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 2_000)
        try await harness.createStream("orders", shards: 1)
        harness.clock.advance(milliseconds: 2_000)
        let registered = await register(harness, "billing")
        let consumer = try #require(registered.body["Consumer"] as? [String: Any])
        let arn = try #require(consumer["ConsumerARN"] as? String)
        #expect(arn == "\(streamARN)/consumer/billing:\(harness.clock.nowMilliseconds() / 1000)")
        func status() async throws -> String? {
            let described = try await harness.call("DescribeStreamConsumer", #"{"ConsumerARN":"\#(arn)"}"#)
            return (described["ConsumerDescription"] as? [String: Any])?["ConsumerStatus"] as? String
        }
        #expect(try await status() == "CREATING")
        harness.clock.advance(milliseconds: 2_000)
        #expect(try await status() == "ACTIVE")
        try await harness.call("DeregisterStreamConsumer", #"{"StreamARN":"\#(streamARN)","ConsumerName":"billing"}"#)
        #expect(try await status() == "DELETING")
        harness.clock.advance(milliseconds: 2_000)
        let gone = await harness.send("DescribeStreamConsumer", #"{"ConsumerARN":"\#(arn)"}"#)
        #expect(gone.errorType == "ResourceNotFoundException")
    }

    @Test func registrationLimits() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 1_000)
        try await harness.createStream("orders", shards: 1)
        harness.clock.advance(milliseconds: 1_000)
        for index in 0..<Limits.consumersCreatingMax {
            #expect(await register(harness, "c\(index)").status == 200)
        }
        let sixthCreating = await register(harness, "c5")
        #expect(sixthCreating.errorType == "LimitExceededException")
        harness.clock.advance(milliseconds: 1_000)
        for index in 5..<Limits.consumersPerStreamMax {
            #expect(await register(harness, "c\(index)").status == 200)
            if index % 5 == 4 { harness.clock.advance(milliseconds: 1_000) }
        }
        harness.clock.advance(milliseconds: 1_000)
        let twentyFirst = await register(harness, "one-too-many")
        #expect(twentyFirst.errorType == "LimitExceededException")
        let duplicate = await register(harness, "c0")
        #expect(duplicate.errorType == "ResourceInUseException")
        let summary = try await harness.call("DescribeStreamSummary", #"{"StreamName":"orders"}"#)
        #expect((summary["StreamDescriptionSummary"] as? [String: Any])?["ConsumerCount"] as? Int == 20)
    }

    @Test func listingPagesByName() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("orders", shards: 1)
        for name in ["delta", "alpha", "charlie", "bravo"] {
            #expect(await register(harness, name).status == 200)
        }
        var names: [String] = []
        var token: String?
        repeat {
            let body = token.map { #"{"StreamARN":"\#(streamARN)","NextToken":"\#($0)","MaxResults":3}"# }
                ?? #"{"StreamARN":"\#(streamARN)","MaxResults":3}"#
            let page = try await harness.call("ListStreamConsumers", body)
            names += (page["Consumers"] as? [[String: Any]] ?? []).compactMap { $0["ConsumerName"] as? String }
            token = page["NextToken"] as? String
        } while token != nil
        #expect(names == ["alpha", "bravo", "charlie", "delta"])
    }

    @Test func consumersNameTheirStreamAndIncarnation() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("orders", shards: 1)
        let first = try #require((await register(harness, "app")).body["Consumer"] as? [String: Any])
        let arn = try #require(first["ConsumerARN"] as? String)
        try await harness.call("DeregisterStreamConsumer", #"{"ConsumerARN":"\#(arn)"}"#)
        harness.clock.advance(milliseconds: 1_000)
        #expect(await register(harness, "app").status == 200)
        let stale = await harness.send("DescribeStreamConsumer", #"{"ConsumerARN":"\#(arn)"}"#)
        #expect(stale.errorType == "ResourceNotFoundException")
        let neither = await harness.send("DescribeStreamConsumer", #"{"StreamARN":"\#(streamARN)"}"#)
        #expect(neither.errorType == "InvalidArgumentException")
        let otherAccount = await harness.send(
            "DescribeStreamConsumer",
            #"{"ConsumerARN":"arn:aws:kinesis:us-east-1:111111111111:stream/orders/consumer/app:1"}"#)
        #expect(otherAccount.errorType == "AccessDeniedException")
    }
}
