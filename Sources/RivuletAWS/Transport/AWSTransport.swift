import NIOCore

/// Sends one HTTP request and hands back the response: a client's only I/O, behind a protocol so that tests can
/// script the service's answers.
public protocol AWSTransport: Sendable {
    /// Sends `request`; the body is read through the response. Throws `AWSTransportError.connectionFailed` or
    /// `.connectionLost` for what went wrong on the network, and `CancellationError` when the calling task was
    /// cancelled.
    func execute(_ request: AWSRequest) async throws -> AWSStreamedResponse

    /// Closes pooled connections; calls in flight fail.
    func shutdown() async throws
}

extension AWSTransport {
    /// Sends `request` and collects the whole body, refusing one over `responseBodyBytesMax`.
    public func send(_ request: AWSRequest, responseBodyBytesMax: Int) async throws -> AWSResponse {
        let response = try await execute(request)
        do {
            let body = try await response.body.collect(upTo: responseBodyBytesMax)
            return AWSResponse(status: response.status, headers: response.headers, body: Array(buffer: body))
        } catch is NIOTooManyBytesError {
            throw AWSTransportError.responseTooLarge(
                httpStatus: response.status, requestId: response.requestId,
                bytesMax: responseBodyBytesMax)
        }
    }
}
