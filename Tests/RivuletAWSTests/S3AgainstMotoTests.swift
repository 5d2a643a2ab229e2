import Foundation
import Logging
import NIOCore
import Testing

@testable import RivuletAWS

/// The S3 server the tests may use, named by `RIVULET_TEST_S3_ENDPOINT` and its key (scripts/test starts moto with
/// scripts/s3-for-tests). `RIVULET_REQUIRE_S3=1` turns a missing server from a skip into a failure.
enum S3TestEnvironment {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var credentials: (endpoint: String, credentials: SigV4Credentials)? {
        guard let endpoint = environment["RIVULET_TEST_S3_ENDPOINT"], !endpoint.isEmpty,
            let accessKeyId = environment["RIVULET_TEST_S3_ACCESS_KEY_ID"],
            let secret = environment["RIVULET_TEST_S3_SECRET_ACCESS_KEY"]
        else { return nil }
        return (endpoint, SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secret))
    }

    static var isRequired: Bool { environment["RIVULET_REQUIRE_S3"] == "1" }
}

/// The toolkit against a real S3 API that checks signatures (moto recomputes each one with botocore's S3 signer):
/// signed and unsigned payloads, whole and streamed bodies both ways, queries, and a wrong key refused. moto's own
/// check fails keys that need percent-encoding even for boto3, so keys here use unreserved characters only; such
/// keys are covered by S3's published examples instead.
@Suite(
    .enabled(if: S3TestEnvironment.credentials != nil || S3TestEnvironment.isRequired),
    .timeLimit(.minutes(2)))
struct S3AgainstMotoTests {
    /// Signs and sends S3 requests, path-style, as the delivery code will.
    struct Client {
        let addressing: S3Addressing
        let signer: SigV4Signer
        let transport: AsyncHTTPTransport

        func send(
            _ method: String, bucket: String, key: String?, query: String = "", body: AWSRequestBody = .bytes([]),
            payloadHash: String? = nil
        ) async throws -> AWSResponse {
            let (endpoint, path) = addressing.locate(bucket: bucket, key: key)
            var request = AWSRequest(method: method, endpoint: endpoint, path: path, query: query, body: body)
            let signed = signer.sign(
                request.signable(payloadHash: payloadHash), host: endpoint.hostHeader,
                nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
            request = request.with(headersOf: signed)
            return try await transport.send(request, responseBodyBytesMax: 1 << 20)
        }
    }

    private func withClient(secret: String? = nil, _ body: (Client) async throws -> Void) async throws {
        let found = try #require(S3TestEnvironment.credentials, "RIVULET_REQUIRE_S3=1 but no S3 server was named")
        var credentials = found.credentials
        if let secret { credentials.secretAccessKey = secret }
        let transport = AsyncHTTPTransport(
            timeouts: .standard, logger: Logger(label: "s3-test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let client = Client(
            addressing: .custom(try AWSEndpoint.parse(found.endpoint)),
            signer: .s3(credentials: credentials, region: "us-east-1"), transport: transport)
        do {
            try await body(client)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    private static func bucketName() -> String {
        "rivulet-\(UInt32.random(in: 0...UInt32.max))"
    }

    @Test func signedBodiesGoInAndComeBack() async throws {
        try await withClient { client in
            let bucket = Self.bucketName()
            #expect(try await client.send("PUT", bucket: bucket, key: nil).status == 200)
            let data = Array("{\"id\":1}\n{\"id\":2}\n".utf8)
            let put = try await client.send("PUT", bucket: bucket, key: "stream/2026/12/03/part-0001.json", body: .bytes(data))
            #expect(put.status == 200, "\(String(decoding: put.body, as: UTF8.self))")
            let got = try await client.send("GET", bucket: bucket, key: "stream/2026/12/03/part-0001.json")
            #expect(got.status == 200)
            #expect(got.body == data)
            let listed = try await client.send("GET", bucket: bucket, key: nil, query: "list-type=2&prefix=stream")
            #expect(listed.status == 200)
            #expect(String(decoding: listed.body, as: UTF8.self).contains("<Key>stream/2026/12/03/part-0001.json</Key>"))
        }
    }

    @Test func aStreamedBodySignedAsUnsignedPayloadIsStoredWhole() async throws {
        try await withClient { client in
            let bucket = Self.bucketName()
            #expect(try await client.send("PUT", bucket: bucket, key: nil).status == 200)
            let chunk = Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            let chunks = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
                for _ in 0..<8 { continuation.yield(ByteBuffer(bytes: chunk)) }
                continuation.finish()
            }
            let put = try await client.send(
                "PUT", bucket: bucket, key: "big.bin", body: .stream(chunks, lengthBytes: Int64(chunk.count * 8)),
                payloadHash: SigV4.unsignedPayload)
            #expect(put.status == 200, "\(String(decoding: put.body, as: UTF8.self))")

            // Read back as a stream, chunk by chunk.
            let (endpoint, path) = client.addressing.locate(bucket: bucket, key: "big.bin")
            var request = AWSRequest(method: "GET", endpoint: endpoint, path: path)
            request = request.with(
                headersOf: client.signer.sign(
                    request.signable(), host: endpoint.hostHeader,
                    nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)))
            let response = try await client.transport.execute(request)
            #expect(response.status == 200)
            var received = 0
            for try await part in response.body {
                #expect(part.readableBytesView.allSatisfy { $0 == UInt8(ascii: "x") })
                received += part.readableBytes
            }
            #expect(received == chunk.count * 8)
        }
    }

    @Test func aWrongSecretIsRefused() async throws {
        try await withClient(secret: "not-the-secret") { client in
            let refused = try await client.send("PUT", bucket: Self.bucketName(), key: nil)
            #expect(refused.status == 403)
            #expect(String(decoding: refused.body, as: UTF8.self).contains("SignatureDoesNotMatch"))
        }
    }
}
