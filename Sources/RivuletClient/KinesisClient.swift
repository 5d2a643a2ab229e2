import Logging
import RivuletAWS
import RivuletCore
import RivuletWire

/// A typed client of the Kinesis API, for a Rivulet server or the managed service alike. Requests are JSON
/// (`application/x-amz-json-1.1`) or, if configured, CBOR (`application/x-amz-cbor-1.1`), signed with SigV4, sent
/// over a pool of kept-alive connections, and retried with jittered exponential backoff when the failure is
/// transient (see `RetryPolicy`).
///
/// Call `shutdown()` once done; the connection pool is not closed otherwise.
public final class KinesisClient: Sendable {
    public let configuration: ClientConfiguration
    public let endpoint: AWSEndpoint
    private let transport: any AWSTransport
    private let clock: any WallClock

    public convenience init(configuration: ClientConfiguration) throws(AWSConfigurationError) {
        let endpoint = try AWSEndpoint.resolve(
            configuration.endpoint, service: KinesisAction.signingName, region: configuration.region)
        self.init(
            configuration: configuration, endpoint: endpoint,
            transport: AsyncHTTPTransport(timeouts: configuration.timeouts, logger: configuration.logger),
            clock: SystemClock())
    }

    init(
        configuration: ClientConfiguration, endpoint: AWSEndpoint, transport: any AWSTransport, clock: any WallClock
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
        let request = AWSRequest(
            method: "POST", endpoint: endpoint,
            headers: [
                ("content-type", format.contentType),
                ("x-amz-target", Operation.action.target),
            ],
            body: .bytes(format.encode(input)))
        // Hashed once: every attempt signs the same body.
        let unsigned = request.signable()
        var logger = configuration.logger
        logger[metadataKey: "kinesis.action"] = "\(Operation.action.rawValue)"
        let onRetry = { (attempt: Int, delay: Int64, error: KinesisClientError) in
            logger.debug(
                "retrying after a transient failure",
                metadata: ["retry.attempt": "\(attempt)", "retry.delay_ms": "\(delay)", "error": "\(error)"])
        }
        return try await configuration.retryPolicy.run(retrying: KinesisClientError.self, onRetry: onRetry) {
            try await attemptOnce(Operation.self, request, unsigned)
        }
    }

    private func attemptOnce<Operation: KinesisOperation>(
        _: Operation.Type, _ request: AWSRequest, _ unsigned: SigV4Request
    ) async throws -> Operation.Output {
        let signer = SigV4Signer(
            credentials: try await configuration.credentialsProvider.credentials(), region: configuration.region,
            service: KinesisAction.signingName)
        let signed = signer.sign(unsigned, host: endpoint.hostHeader, nowMilliseconds: clock.nowMilliseconds())
        let response: AWSResponse
        do {
            response = try await transport.send(
                request.with(headersOf: signed), responseBodyBytesMax: Limits.responseBodyBytesMax)
        } catch let error as AWSTransportError {
            throw KinesisClientError(error)
        }
        guard response.status == 200 else {
            throw KinesisClientError.service(
                configuration.wireFormat.decodeError(response.body, httpStatus: response.status),
                httpStatus: response.status, requestId: response.requestId)
        }
        do {
            return try configuration.wireFormat.decode(Operation.Output.self, from: response.body)
        } catch {
            throw KinesisClientError.unexpectedResponse(
                httpStatus: response.status, requestId: response.requestId,
                detail: "the \(Operation.action.rawValue) response could not be read: \(error.message)")
        }
    }
}
