import Foundation
import NIOCore
import NIOHTTP1
import RivuletCore
import RivuletHTTP
import Testing

@testable import RivuletServer
@testable import RivuletWire

/// Mutated requests for every operation, in JSON and CBOR, through the real dispatcher: whatever arrives, the
/// answer is a success or a client error in AWS's shape, never a 500 and never a trap (a trap ends the test run,
/// which is how a crash shows; the seed printed first repeats it). Bounded for the test suite; scripts/fuzz-dispatcher
/// runs it for longer with fresh seeds (`RIVULET_FUZZ_SEED`, `RIVULET_FUZZ_ITERATIONS`).
@Suite struct DispatcherFuzzTests {
    /// Ten validation errors, each echoing a value cut to AWS's length, fit well inside this.
    static let errorBodyBytesMax = 8_192

    @Test func everyRequestGetsAnAnswerInTheServiceShape() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["RIVULET_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_203
        let iterations = environment["RIVULET_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 3_000
        print("dispatcher fuzzing: seed \(seed), \(iterations) requests")
        var findings: [String] = []
        var harness = try await FuzzTarget.make()
        let corpus = try FuzzCorpus.load(placeholders: harness.placeholders)
        var mutator = RequestMutator(
            seed: seed, memberNames: corpus.memberNames, liveStrings: Array(harness.placeholders.values).sorted())
        for entry in corpus.entries {
            for format in WireFormat.allCases {
                let body = FuzzBody.encode(entry.body, as: format)
                if let finding = await harness.check(entry.action, body, format, number: findings.count) {
                    findings.append("\(entry.fileName) as \(format): \(finding)")
                }
            }
        }
        for iteration in 0..<iterations {
            // A fresh account now and then, so streams the fuzzer deleted or broke come back.
            if iteration % 250 == 249 { harness = try await FuzzTarget.make() }
            let entry = corpus.entries[mutator.pick(upTo: corpus.entries.count)]
            let format = WireFormat.allCases[mutator.pick(upTo: 2)]
            var body = FuzzBody.encode(mutator.mutate(entry.body, times: 1 + mutator.pick(upTo: 4)), as: format)
            if mutator.chance(1, in: 10) { body = FuzzBody.damage(body, using: &mutator) }
            let action =
                mutator.chance(1, in: 20)
                ? KinesisAction.allCases[mutator.pick(upTo: KinesisAction.allCases.count)].rawValue : entry.action
            if let finding = await harness.check(action, body, format, number: findings.count) {
                findings.append("request \(iteration) (\(action), \(format)): \(finding)")
                if findings.count >= 20 { break }
            }
        }
        #expect(findings.isEmpty, Comment(rawValue: "\(findings.count) findings, seed \(seed):\n" + findings.joined(separator: "\n")))
    }
}

/// The dispatcher with a stream, a consumer and a few records, so mutated requests reach real state.
private struct FuzzTarget {
    let harness: DispatcherHarness
    let placeholders: [String: String]

    static func make() async throws -> FuzzTarget {
        let harness = DispatcherHarness()
        try await harness.createStream("fuzz", shards: 3)
        let summary = try await harness.call("DescribeStreamSummary", #"{"StreamName":"fuzz"}"#)
        let streamARN = try #require((summary["StreamDescriptionSummary"] as? [String: Any])?["StreamARN"] as? String)
        let consumer = try await harness.call(
            "RegisterStreamConsumer", #"{"StreamARN":"\#(streamARN)","ConsumerName":"reader"}"#)
        let consumerARN = try #require((consumer["Consumer"] as? [String: Any])?["ConsumerARN"] as? String)
        let put = try await harness.call("PutRecord", #"{"StreamName":"fuzz","Data":"AAEC","PartitionKey":"k"}"#)
        let sequenceNumber = try #require(put["SequenceNumber"] as? String)
        let shardId = try #require(put["ShardId"] as? String)
        let iterator = try await harness.iterator("fuzz", shard: shardId, type: "TRIM_HORIZON")
        return FuzzTarget(
            harness: harness,
            placeholders: [
                "$STREAM_ARN": streamARN, "$STREAM": "fuzz", "$CONSUMER_ARN": consumerARN, "$ITERATOR": iterator,
                "$SEQUENCE": sequenceNumber,
            ])
    }

    /// Sends one request; a description of what is wrong with the answer, or nil when it is acceptable.
    func check(_ action: String, _ body: [UInt8], _ format: WireFormat, number: Int) async -> String? {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: format.contentType)
        headers.add(name: "x-amz-target", value: "Kinesis_20131202.\(action)")
        headers.add(name: "x-amz-date", value: "20261127T000000Z")
        headers.add(name: "authorization", value: DispatcherHarness.authorization(region: "us-east-1"))
        let response = await harness.dispatcher.respond(
            to: HTTPRequest(method: .POST, uri: "/", headers: headers, body: ByteBuffer(bytes: body)))
        let status = Int(response.status.code)
        if status == 200 { return nil }
        let answer = Array(response.body.readableBytesView)
        var problem: String?
        if status >= 500 {
            problem = "status \(status): \(String(decoding: answer.prefix(300), as: UTF8.self))"
        } else if answer.count > DispatcherFuzzTests.errorBodyBytesMax {
            problem = "a \(answer.count)-byte error body"
        } else if !Self.isErrorEnvelope(answer, format) {
            problem = "status \(status) with a body that is not an error: \(String(decoding: answer.prefix(300), as: UTF8.self))"
        }
        guard let problem else { return nil }
        let saved = FuzzCorpus.saveFinding(action: action, body: body, format: format, number: number)
        return "\(problem) (request saved in \(saved))"
    }

    private static func isErrorEnvelope(_ body: [UInt8], _ format: WireFormat) -> Bool {
        let parsed = body.withUnsafeBytes { buffer in try? format.parseRequest(buffer) }
        guard case .object(let object)? = parsed, case .string? = object["__type"] else { return false }
        return true
    }
}
