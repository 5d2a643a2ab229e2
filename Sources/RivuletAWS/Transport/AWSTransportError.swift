/// What went wrong between a client and a service, below the service's own answers.
public enum AWSTransportError: Error, Sendable, Equatable, CustomStringConvertible, RetryableFailure {
    /// No connection could be made: the request was certainly not applied.
    case connectionFailed(endpoint: String, reason: String)
    /// The connection was made but broke, or timed out, before the response arrived; the request may have been
    /// applied.
    case connectionLost(endpoint: String, reason: String)
    /// The service answered with more than the caller would read.
    case responseTooLarge(httpStatus: Int, requestId: String?, bytesMax: Int)

    public var description: String {
        switch self {
        case .connectionFailed(let endpoint, let reason):
            "could not connect to \(endpoint): \(reason)"
        case .connectionLost(let endpoint, let reason):
            "connection to \(endpoint) failed before a response arrived: \(reason)"
        case .responseTooLarge(let httpStatus, let requestId, let bytesMax):
            "unexpected response (HTTP \(httpStatus)\(requestId.map { ", request id \($0)" } ?? "")): "
                + "the response body is larger than \(bytesMax) bytes"
        }
    }

    /// Broken connections pass: trying again may reach the service. An oversize answer would only come again.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .connectionLost: true
        case .responseTooLarge: false
        }
    }
}
