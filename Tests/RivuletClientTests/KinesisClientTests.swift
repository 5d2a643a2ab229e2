import RivuletAWS
import RivuletCore
import RivuletWire
import Testing

@testable import RivuletClient

@Suite struct KinesisClientTests {
    static let credentials = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
    static let clock = ManualClock(milliseconds: 1_795_739_100_000)
    static let endpoint = AWSEndpoint(scheme: .http, host: "127.0.0.1", port: 4567)
    /// Retries without waiting, so that tests of the retry loop take no time.
    static let immediateRetries = RetryPolicy(attemptsMax: 3, delayMillisecondsBase: 0, delayMillisecondsMax: 0)

    static func client(_ transport: ScriptedTransport, retryPolicy: RetryPolicy = immediateRetries) -> KinesisClient {
        KinesisClient(
            configuration: ClientConfiguration(
                endpoint: endpoint.description, region: "us-east-1",
                credentialsProvider: StaticCredentialsProvider(credentials), retryPolicy: retryPolicy),
            endpoint: endpoint, transport: transport, clock: clock)
    }

    static let listStreamsBody = #"{"StreamNames":["orders","payments"],"HasMoreStreams":false}"#

    @Test func sendsASignedJSONRequestAndDecodesTheOutput() async throws {
        let transport = ScriptedTransport([.response(status: 200, body: Self.listStreamsBody)])
        let output = try await Self.client(transport).listStreams(ListStreamsInput(limit: 5))

        #expect(output == ListStreamsOutput(streamNames: ["orders", "payments"], hasMoreStreams: false))
        let request = try #require(transport.requests.first)
        #expect(request.endpoint == Self.endpoint)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"Limit":5}"#)

        // The server's verifier accepts what the client signed.
        let received = SigV4Request(
            method: "POST", path: "/", query: "", headers: request.headers, body: request.body)
        #expect(received.value(of: "content-type") == "application/x-amz-json-1.1")
        #expect(received.value(of: "x-amz-target") == "Kinesis_20131202.ListStreams")
        #expect(received.value(of: "host") == "127.0.0.1:4567")
        #expect(received.value(of: "x-amz-date") == "20261127T002500Z")
        let authorization = try SigV4Authorization.parse(
            try #require(received.value(of: "authorization")), hasDateHeader: true, expectedService: "kinesis")
        #expect(authorization.region == "us-east-1")
        try SigV4Verifier.verify(
            received, authorization: authorization, secretAccessKey: "secret",
            nowMilliseconds: Self.clock.nowMilliseconds())
    }

    @Test func anEmptyResponseBodyDecodesAnOutputWithoutMembers() async throws {
        let transport = ScriptedTransport([.response(status: 200, body: "")])
        _ = try await Self.client(transport).createStream(CreateStreamInput(streamName: "orders", shardCount: 2))
        #expect(transport.requests.count == 1)
    }

    @Test func anErrorResponseBecomesAServiceError() async {
        let transport = ScriptedTransport([
            .response(
                status: 400,
                body: #"{"__type":"ResourceNotFoundException","#
                    + #""message":"Stream orders under account 000000000000 not found."}"#,
                requestId: "req-42")
        ])
        await #expect(
            throws: KinesisClientError.service(
                KinesisError(.resourceNotFound, "Stream orders under account 000000000000 not found."),
                httpStatus: 400, requestId: "req-42")
        ) {
            _ = try await Self.client(transport).describeStreamSummary(DescribeStreamSummaryInput(streamName: "orders"))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func retriesThrottlingAndServerFaultsThenSucceeds() async throws {
        let transport = ScriptedTransport([
            .response(
                status: 400, body: #"{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded"}"#),
            .response(status: 500, body: #"{"__type":"InternalFailure"}"#),
            .response(status: 200, body: Self.listStreamsBody),
        ])
        let output = try await Self.client(transport).listStreams()
        #expect(output.streamNames == ["orders", "payments"])
        #expect(transport.requests.count == 3)
    }

    @Test func retriesAConnectionThatFailed() async throws {
        let refused = AWSTransportError.connectionFailed(endpoint: "http://127.0.0.1:4567", reason: "refused")
        let transport = ScriptedTransport([.failure(refused), .response(status: 200, body: Self.listStreamsBody)])
        _ = try await Self.client(transport).listStreams()
        #expect(transport.requests.count == 2)
    }

    @Test func neverRetriesAValidationError() async {
        let transport = ScriptedTransport([
            .response(status: 400, body: #"{"__type":"ValidationException","message":"1 validation error detected"}"#)
        ])
        await #expect(throws: KinesisClientError.self) {
            _ = try await Self.client(transport).listStreams(ListStreamsInput(limit: 0))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func givesUpAfterTheLastAttemptWithTheLastError() async {
        let throttled = #"{"__type":"LimitExceededException","message":"Rate exceeded for stream orders"}"#
        let transport = ScriptedTransport(Array(repeating: .response(status: 400, body: throttled), count: 3))
        await #expect(
            throws: KinesisClientError.service(
                KinesisError(.limitExceeded, "Rate exceeded for stream orders"), httpStatus: 400,
                requestId: "request-1")
        ) {
            _ = try await Self.client(transport).listStreams()
        }
        #expect(transport.requests.count == 3)
    }

    @Test func eachAttemptIsSignedAgain() async throws {
        let transport = ScriptedTransport([
            .response(status: 503, body: #"{"__type":"ServiceUnavailable"}"#),
            .response(status: 200, body: Self.listStreamsBody),
        ])
        let client = Self.client(transport)
        _ = try await client.listStreams()
        let authorizations = transport.requests.map { request in
            request.headers.filter { $0.name.lowercased() == "authorization" }.count
        }
        #expect(authorizations == [1, 1])
    }

    @Test func anUnreadableSuccessIsAnUnexpectedResponse() async {
        let transport = ScriptedTransport([.response(status: 200, body: #"{"StreamNames":"#)])
        await #expect(throws: KinesisClientError.self) {
            _ = try await Self.client(transport).listStreams()
        }
        #expect(transport.requests.count == 1)
    }

    @Test func shutdownClosesTheTransport() async throws {
        let transport = ScriptedTransport([])
        try await Self.client(transport).shutdown()
        #expect(transport.isShutDown)
    }

    /// Against the real transport: nothing listens on port 1 of the loopback address (a privileged port), so the
    /// connection is refused at once.
    @Test func aRefusedConnectionSaysSoPlainly() async throws {
        let client = try KinesisClient(
            configuration: ClientConfiguration(
                endpoint: "http://127.0.0.1:1", region: "us-east-1",
                credentialsProvider: StaticCredentialsProvider(Self.credentials), retryPolicy: .never))
        do {
            _ = try await client.listStreams()
            Issue.record("a request to a closed port succeeded")
        } catch let error as KinesisClientError {
            #expect(
                error
                    == .connectionFailed(
                        endpoint: "http://127.0.0.1:1", reason: "connection refused — is the server running?"))
            #expect(
                error.description
                    == "could not connect to http://127.0.0.1:1: connection refused — is the server running?")
        }
        try await client.shutdown()
    }
}
