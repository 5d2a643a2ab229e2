import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RivuletCore
import RivuletHTTP
import RivuletStorage

@testable import RivuletServer

/// A dispatcher over the in-memory store with a manual clock: requests go in as HTTP requests, answers come back
/// parsed, exactly as a client would see them minus the socket.
struct DispatcherHarness {
    let clock = ManualClock()
    let store: MemoryStreamStore
    let dispatcher: KinesisDispatcher
    /// The server's whole port: the dispatcher behind `/metrics` and `/health`.
    let router: HTTPRouter

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: [String: Any]
        var rawBody: String

        var errorType: String? { body["__type"] as? String }
        var message: String? { body["message"] as? String }
    }

    init(statusDelayMilliseconds: Int64 = 0, secrets: [String: String]? = nil, keyring: Keyring = .ephemeral()) {
        store = MemoryStreamStore(clock: clock)
        let service = KinesisService(
            store: store, clock: clock, secret: SymmetricKey(size: .bits256),
            configuration: ServiceConfiguration(statusDelayMilliseconds: statusDelayMilliseconds),
            logger: Logger(label: "test"), keyring: keyring)
        dispatcher = KinesisDispatcher(
            service: service,
            authenticator: RequestAuthenticator(accountId: "000000000000", secretsByAccessKeyId: secrets, clock: clock),
            logger: Logger(label: "test"))
        router = ServerRoutes.router(dispatcher: dispatcher, renderMetrics: { Array("metrics\n".utf8) })
    }

    static func authorization(region: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/\(region)/kinesis/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"
    }

    func send(
        _ operation: String, _ json: String, region: String = "us-east-1", headers extra: [(String, String)] = [],
        method: HTTPMethod = .POST, contentType: String = "application/x-amz-json-1.1", signed: Bool = true
    ) async -> Answer {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        headers.add(name: "x-amz-target", value: "Kinesis_20131202.\(operation)")
        headers.add(name: "x-amz-date", value: "20261127T000000Z")
        if signed {
            headers.add(name: "authorization", value: Self.authorization(region: region))
        }
        for (name, value) in extra {
            headers.replaceOrAdd(name: name, value: value)
        }
        let response = await dispatcher.respond(
            to: HTTPRequest(method: method, uri: "/", headers: headers, body: ByteBuffer(string: json)))
        let raw = String(buffer: response.body)
        let parsed = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] ?? [:]
        return Answer(status: Int(response.status.code), headers: response.headers, body: parsed, rawBody: raw)
    }

    /// Sends and requires success.
    @discardableResult
    func call(_ operation: String, _ json: String, region: String = "us-east-1") async throws -> [String: Any] {
        let answer = await send(operation, json, region: region)
        guard answer.status == 200 else {
            throw HarnessFailure(description: "\(operation) failed with \(answer.status): \(answer.rawBody)")
        }
        return answer.body
    }

    func createStream(_ name: String, shards: Int = 3, region: String = "us-east-1") async throws {
        try await call("CreateStream", #"{"StreamName":"\#(name)","ShardCount":\#(shards)}"#, region: region)
    }

    func iterator(_ stream: String, shard: String, type: String, extra: String = "") async throws -> String {
        let body = try await call(
            "GetShardIterator",
            #"{"StreamName":"\#(stream)","ShardId":"\#(shard)","ShardIteratorType":"\#(type)"\#(extra)}"#)
        return try #require(body["ShardIterator"] as? String)
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}

func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

import Testing
