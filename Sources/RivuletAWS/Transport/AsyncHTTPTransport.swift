import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import RivuletCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The transport over async-http-client: one pool of kept-alive connections per transport, HTTP/2 where a TLS
/// endpoint offers it, bodies streamed both ways.
public struct AsyncHTTPTransport: AWSTransport {
    private let client: HTTPClient
    private let timeouts: AWSTimeouts
    private let logger: Logger

    public init(timeouts: AWSTimeouts, logger: Logger) {
        var configuration = HTTPClient.Configuration(
            timeout: HTTPClient.Configuration.Timeout(connect: .milliseconds(timeouts.connectMilliseconds)),
            connectionPool: HTTPClient.Configuration.ConnectionPool(
                idleTimeout: .milliseconds(Limits.idleConnectionMilliseconds),
                concurrentHTTP1ConnectionsPerHostSoftLimit: Limits.connectionsPerEndpointMax))
        // A refused connection should fail the attempt at once; the retry policy decides about trying again, with
        // its own backoff, instead of the pool retrying quietly until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration,
            backgroundActivityLogger: logger)
        self.timeouts = timeouts
        self.logger = logger
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func execute(_ request: AWSRequest) async throws -> AWSStreamedResponse {
        var outgoing = HTTPClientRequest(url: request.endpoint.url(path: request.path, query: request.query))
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        switch request.body {
        case .bytes(let bytes):
            outgoing.body = .bytes(ByteBuffer(bytes: bytes))
        case .stream(let chunks, let length):
            outgoing.body = .stream(chunks, length: .known(length))
        }
        let endpoint = request.endpoint
        let response: HTTPClientResponse
        do {
            response = try await client.execute(
                outgoing, timeout: .milliseconds(timeouts.requestMilliseconds), logger: logger)
        } catch {
            throw failure(error, endpoint: endpoint)
        }
        return AWSStreamedResponse(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: AWSResponseBody(.connection(response.body, { [self] in failure($0, endpoint: endpoint) })))
    }

    /// Cancellation stays cancellation, so that it is not retried; anything else is a network failure.
    private func failure(_ error: any Error, endpoint: AWSEndpoint) -> any Error {
        if Task.isCancelled || error is CancellationError { return CancellationError() }
        return classify(error, endpoint: endpoint)
    }

    /// Tells a connection that was never made (the request was certainly not applied) from one that broke, in
    /// words a user can act on.
    private func classify(_ error: any Error, endpoint: AWSEndpoint) -> AWSTransportError {
        let name = endpoint.description
        switch error {
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return .connectionFailed(endpoint: name, reason: "cannot resolve host '\(error.host)'")
            }
            let reason = error.connectionErrors.first.map { describe($0.error) } ?? "\(error)"
            return .connectionFailed(endpoint: name, reason: reason)
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return .connectionFailed(endpoint: name, reason: describe(error))
        case let error as HTTPClientError where error == .connectTimeout:
            return .connectionFailed(
                endpoint: name, reason: "no connection within \(timeouts.connectMilliseconds) ms")
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            return .connectionLost(endpoint: name, reason: "no response within \(timeouts.requestMilliseconds) ms")
        case let error as HTTPClientError where error == .remoteConnectionClosed:
            return .connectionLost(endpoint: name, reason: "the server closed the connection")
        default:
            return .connectionLost(endpoint: name, reason: describe(error))
        }
    }

    private func describe(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        switch error.errnoCode {
        case ECONNREFUSED: return "connection refused — is the server running?"
        case ECONNRESET: return "connection reset by the server"
        case ETIMEDOUT: return "connection timed out"
        case EHOSTUNREACH, ENETUNREACH: return "network unreachable"
        default: return "\(error)"
        }
    }
}
