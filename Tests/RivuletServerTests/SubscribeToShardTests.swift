import Foundation
import NIOCore
import NIOHTTP1
import RivuletCore
import RivuletWire
import Synchronization
import Testing

@testable import RivuletHTTP
@testable import RivuletServer

/// SubscribeToShard through the dispatcher: the streamed answer is driven by a writer that decodes the event
/// stream messages as a client would.
@Suite struct SubscribeToShardTests {
    /// Collects the messages a subscription writes, and lets a test wait for them.
    final class MessageCollector: Sendable {
        private let state = Mutex<(decoder: EventStreamDecoder, messages: [EventStreamMessage])>(
            (EventStreamDecoder(), []))

        var writer: HTTPBodyWriter {
            HTTPBodyWriter { chunk in
                try self.state.withLock { state in
                    state.decoder.append(chunk.readableBytesView)
                    while let message = try state.decoder.next() {
                        state.messages.append(message)
                    }
                }
            }
        }

        var messages: [EventStreamMessage] { state.withLock { $0.messages } }

        /// Waits (polling, with a generous deadline) until `condition` holds for the messages so far.
        func wait(
            _ what: String, seconds: Double = 30, until condition: ([EventStreamMessage]) -> Bool
        ) async throws -> [EventStreamMessage] {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while ContinuousClock.now < deadline {
                let current = messages
                if condition(current) { return current }
                try await Task.sleep(for: .milliseconds(10))
            }
            throw HarnessFailure(description: "timed out waiting for \(what); have \(messages.count) messages")
        }
    }

    struct Subscription {
        var collector: MessageCollector
        var task: Task<Void, any Error>
    }

    func records(in messages: [EventStreamMessage]) throws -> [String] {
        try messages.filter { $0.header(":event-type")?.stringValue == "SubscribeToShardEvent" }.flatMap { message in
            try JSONWire.decode(SubscribeToShardEvent.self, from: message.payload).records.map {
                String(decoding: $0.data, as: UTF8.self)
            }
        }
    }

    func events(in messages: [EventStreamMessage]) throws -> [SubscribeToShardEvent] {
        try messages.filter { $0.header(":event-type")?.stringValue == "SubscribeToShardEvent" }.map {
            try JSONWire.decode(SubscribeToShardEvent.self, from: $0.payload)
        }
    }

    func subscribe(
        _ harness: DispatcherHarness, consumerARN: String, shard: String = "shardId-000000000000",
        position: String = #"{"Type":"TRIM_HORIZON"}"#
    ) async throws -> Subscription {
        let response = await harness.dispatcher.respond(to: request(
            "SubscribeToShard",
            #"{"ConsumerARN":"\#(consumerARN)","ShardId":"\#(shard)","StartingPosition":\#(position)}"#))
        guard let stream = response.stream else {
            throw HarnessFailure(description: "SubscribeToShard answered \(response.status): \(String(buffer: response.body))")
        }
        #expect(response.headers.first(name: "content-type") == "application/vnd.amazon.eventstream")
        let collector = MessageCollector()
        let task = Task { try await stream.produce(collector.writer) }
        return Subscription(collector: collector, task: task)
    }

    func request(_ operation: String, _ json: String) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/x-amz-json-1.1")
        headers.add(name: "x-amz-target", value: "Kinesis_20131202.\(operation)")
        headers.add(name: "x-amz-date", value: "20261127T000000Z")
        headers.add(name: "authorization", value: DispatcherHarness.authorization(region: "us-east-1"))
        return HTTPRequest(method: .POST, uri: "/", headers: headers, body: ByteBuffer(string: json))
    }

    func activeConsumer(_ harness: DispatcherHarness, stream: String, name: String = "reader") async throws -> String {
        let streamARN = "arn:aws:kinesis:us-east-1:000000000000:stream/\(stream)"
        let registered = try await harness.call(
            "RegisterStreamConsumer", #"{"StreamARN":"\#(streamARN)","ConsumerName":"\#(name)"}"#)
        let consumer = try #require(registered["Consumer"] as? [String: Any])
        #expect(consumer["ConsumerStatus"] as? String == "CREATING")
        return try #require(consumer["ConsumerARN"] as? String)
    }

    func put(_ harness: DispatcherHarness, _ stream: String, _ data: String) async throws {
        try await harness.call(
            "PutRecord", #"{"StreamName":"\#(stream)","PartitionKey":"k","Data":"\#(base64(data))"}"#)
    }

    @Test func pushesRecordsAppendedAfterSubscribing() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("live", shards: 1)
        let consumer = try await activeConsumer(harness, stream: "live")
        try await put(harness, "live", "before")
        let subscription = try await subscribe(harness, consumerARN: consumer)
        defer { subscription.task.cancel() }
        let first = try await subscription.collector.wait("initial response") { !$0.isEmpty }
        #expect(first[0].header(":event-type")?.stringValue == "initial-response")
        #expect(first[0].header(":message-type")?.stringValue == "event")
        #expect(first[0].payload == Array("{}".utf8))
        for index in 0..<3 {
            try await put(harness, "live", "after-\(index)")
        }
        let messages = try await subscription.collector.wait("four records") { (try? records(in: $0).count) ?? 0 >= 4 }
        #expect(try records(in: messages) == ["before", "after-0", "after-1", "after-2"])
        let continuations = try events(in: messages).compactMap(\.continuationSequenceNumber)
        #expect(continuations == continuations.sorted())
    }

    @Test func aSecondSubscriptionWithinFiveSecondsIsRefusedAndALaterOneTakesOver() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("busy", shards: 1)
        let consumer = try await activeConsumer(harness, stream: "busy")
        let position = #"{"Type":"LATEST"}"#
        let first = try await subscribe(harness, consumerARN: consumer, position: position)
        defer { first.task.cancel() }
        _ = try await first.collector.wait("initial response") { !$0.isEmpty }
        let refused = await harness.send(
            "SubscribeToShard",
            #"{"ConsumerARN":"\#(consumer)","ShardId":"shardId-000000000000","StartingPosition":\#(position)}"#)
        #expect(refused.status == 400)
        #expect(refused.errorType == "ResourceInUseException")

        harness.clock.advance(milliseconds: 5_000)
        let second = try await subscribe(harness, consumerARN: consumer, position: position)
        defer { second.task.cancel() }
        let ended = try await first.collector.wait("the first to end") {
            $0.contains { $0.header(":message-type")?.stringValue == "exception" }
        }
        #expect(ended.last?.header(":exception-type")?.stringValue == "ResourceInUseException")
        try await first.task.value
    }

    @Test func endsAtAClosedShardsEndWithItsChildren() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("split", shards: 1)
        let consumer = try await activeConsumer(harness, stream: "split")
        try await put(harness, "split", "parent")
        let subscription = try await subscribe(harness, consumerARN: consumer)
        _ = try await subscription.collector.wait("the record") { (try? records(in: $0).count) ?? 0 >= 1 }
        try await harness.call(
            "SplitShard",
            #"{"StreamName":"split","ShardToSplit":"shardId-000000000000","NewStartingHashKey":"170141183460469231731687303715884105728"}"#)
        try await subscription.task.value
        let last = try #require(try events(in: subscription.collector.messages).last)
        #expect(last.continuationSequenceNumber == nil)
        #expect(last.childShards?.map(\.shardId).sorted() == ["shardId-000000000001", "shardId-000000000002"])
    }

    @Test func aDeregisteredConsumersSubscriptionEnds() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("gone", shards: 1)
        let consumer = try await activeConsumer(harness, stream: "gone")
        let subscription = try await subscribe(harness, consumerARN: consumer)
        _ = try await subscription.collector.wait("initial response") { !$0.isEmpty }
        try await harness.call("DeregisterStreamConsumer", #"{"ConsumerARN":"\#(consumer)"}"#)
        try await subscription.task.value
        #expect(subscription.collector.messages.last?.header(":exception-type")?.stringValue == "ResourceNotFoundException")
    }

    @Test func anEmptyShardsContinuationDoesNotSkipItsFirstRecord() async throws {
        let harness = DispatcherHarness()
        try await harness.createStream("empty", shards: 1)
        let consumer = try await activeConsumer(harness, stream: "empty")
        let first = try await subscribe(harness, consumerARN: consumer)
        let messages = try await first.collector.wait("an event") { (try? events(in: $0).count) ?? 0 >= 1 }
        first.task.cancel()
        let continuation = try #require(try events(in: messages).first?.continuationSequenceNumber)
        try await put(harness, "empty", "first")
        harness.clock.advance(milliseconds: 5_000)
        let resumed = try await subscribe(
            harness, consumerARN: consumer,
            position: #"{"Type":"AFTER_SEQUENCE_NUMBER","SequenceNumber":"\#(continuation)"}"#)
        defer { resumed.task.cancel() }
        let later = try await resumed.collector.wait("the record") { (try? records(in: $0).count) ?? 0 >= 1 }
        #expect(try records(in: later) == ["first"])
    }

    @Test func refusals() async throws {
        let harness = DispatcherHarness(statusDelayMilliseconds: 1_000)
        try await harness.createStream("slow", shards: 1)
        harness.clock.advance(milliseconds: 1_000)
        let consumer = try await activeConsumer(harness, stream: "slow")
        let creating = await harness.send(
            "SubscribeToShard",
            #"{"ConsumerARN":"\#(consumer)","ShardId":"shardId-000000000000","StartingPosition":{"Type":"LATEST"}}"#)
        #expect(creating.errorType == "ResourceInUseException")
        let unknown = await harness.send(
            "SubscribeToShard",
            #"{"ConsumerARN":"arn:aws:kinesis:us-east-1:000000000000:stream/slow/consumer/nobody:1","ShardId":"shardId-000000000000","StartingPosition":{"Type":"LATEST"}}"#)
        #expect(unknown.errorType == "ResourceNotFoundException")
        let malformed = await harness.send(
            "SubscribeToShard",
            #"{"ConsumerARN":"arn:aws:kinesis:us-east-1:000000000000:stream/slow","ShardId":"0","StartingPosition":{"Type":"LATEST"}}"#)
        #expect(malformed.status == 400)
    }
}
