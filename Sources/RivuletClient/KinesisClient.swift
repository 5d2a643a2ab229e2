import Logging
import RivuletCore
import RivuletWire

/// A typed client of the Kinesis API, for a Rivulet server or the managed service alike. Requests are JSON
/// (`application/x-amz-json-1.1`) or, if configured, CBOR (`application/x-amz-cbor-1.1`), signed with SigV4, sent over a pool of kept-alive connections, and retried with
/// jittered exponential backoff when the failure is transient (see `RetryPolicy`).
///
/// Call `shutdown()` once done; the connection pool is not closed otherwise.
public final class KinesisClient: Sendable {
    public let configuration: ClientConfiguration
    public let endpoint: ClientEndpoint
    private let transport: any HTTPTransport
    private let clock: any WallClock

    public convenience init(configuration: ClientConfiguration) throws(ClientConfigurationError) {
        let endpoint = try ClientEndpoint.resolve(configuration.endpoint, region: configuration.region)
        self.init(
            configuration: configuration, endpoint: endpoint,
            transport: AsyncHTTPTransport(timeouts: configuration.timeouts, logger: configuration.logger),
            clock: SystemClock())
    }

    init(
        configuration: ClientConfiguration, endpoint: ClientEndpoint, transport: any HTTPTransport, clock: any WallClock
    ) {
        self.configuration = configuration
        self.endpoint = endpoint
        self.transport = transport
        self.clock = clock
    }

    /// Closes the pooled connections. Calls still in flight fail.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    /// Calls `operation` with `input`, retrying transient failures as the retry policy allows.
    /// - Throws: `KinesisClientError` for what the service or the network did; the credentials provider's error
    ///   if it has none to give; `CancellationError` when the calling task is cancelled.
    public func send<Operation: KinesisOperation>(_ operation: Operation.Type, _ input: Operation.Input)
        async throws -> Operation.Output
    {
        let format = configuration.wireFormat
        let body = format.encode(input)
        let unsigned = SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("content-type", format.contentType),
                ("x-amz-target", Operation.action.target),
            ],
            body: body)
        let policy = configuration.retryPolicy
        var logger = configuration.logger
        logger[metadataKey: "kinesis.action"] = "\(Operation.action.rawValue)"
        var random = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            do {
                return try await attemptOnce(Operation.self, unsigned, body: body)
            } catch let error as KinesisClientError where policy.shouldRetry(error, afterAttempt: attempt) {
                let delay = policy.delayMilliseconds(beforeRetry: attempt, using: &random)
                logger.debug(
                    "retrying after a transient failure",
                    metadata: [
                        "retry.attempt": "\(attempt)", "retry.delay_ms": "\(delay)", "error": "\(error)",
                    ])
                try await Task.sleep(for: .milliseconds(delay))
                attempt += 1
            }
        }
    }

    private func attemptOnce<Operation: KinesisOperation>(
        _: Operation.Type, _ unsigned: SigV4Request, body: [UInt8]
    ) async throws -> Operation.Output {
        let signer = SigV4Signer(
            credentials: try await configuration.credentialsProvider.credentials(), region: configuration.region)
        let signed = signer.sign(unsigned, host: endpoint.hostHeader, nowMilliseconds: clock.nowMilliseconds())
        let response = try await transport.post(
            HTTPTransportRequest(endpoint: endpoint, headers: signed.headers, body: body))
        let requestId = response.value(of: "x-amzn-requestid")
        guard response.status == 200 else {
            throw KinesisClientError.service(
                configuration.wireFormat.decodeError(response.body, httpStatus: response.status),
                httpStatus: response.status, requestId: requestId)
        }
        do {
            return try configuration.wireFormat.decode(Operation.Output.self, from: response.body)
        } catch {
            throw KinesisClientError.unexpectedResponse(
                httpStatus: response.status, requestId: requestId,
                detail: "the \(Operation.action.rawValue) response could not be read: \(error.message)")
        }
    }
}
