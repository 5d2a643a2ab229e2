import RivuletAWS
import RivuletCore

/// Why a call failed, once retries are spent or the failure was not worth retrying.
public enum KinesisClientError: Error, Sendable, Equatable, CustomStringConvertible, RetryableFailure {
    /// The service answered with one of the API's errors.
    case service(KinesisError, httpStatus: Int, requestId: String?)
    /// The service answered, but not in the API's shape: a proxy's error page, a truncated body, an unknown status.
    case unexpectedResponse(httpStatus: Int, requestId: String?, detail: String)
    /// No connection could be made to the endpoint.
    case connectionFailed(endpoint: String, reason: String)
    /// The connection was made but broke, or timed out, before the response arrived; the request may have been
    /// applied.
    case connectionLost(endpoint: String, reason: String)

    /// The API error, when the service sent one.
    public var kinesisError: KinesisError? {
        if case .service(let error, _, _) = self { error } else { nil }
    }

    public var description: String {
        switch self {
        case .service(let error, let httpStatus, let requestId):
            "\(error) (HTTP \(httpStatus)\(requestId.map { ", request id \($0)" } ?? ""))"
        case .unexpectedResponse(let httpStatus, let requestId, let detail):
            "unexpected response (HTTP \(httpStatus)\(requestId.map { ", request id \($0)" } ?? "")): \(detail)"
        case .connectionFailed(let endpoint, let reason):
            "could not connect to \(endpoint): \(reason)"
        case .connectionLost(let endpoint, let reason):
            "connection to \(endpoint) failed before a response arrived: \(reason)"
        }
    }

    /// Throttling, server faults and broken connections pass; any other refusal would only be refused again.
    public var isTransient: Bool {
        switch self {
        case .service(let kinesisError, let httpStatus, _):
            switch kinesisError.code {
            case .provisionedThroughputExceeded, .limitExceeded, .kmsThrottling: true
            default: httpStatus >= 500
            }
        case .unexpectedResponse(let httpStatus, _, _): httpStatus >= 500
        case .connectionFailed, .connectionLost: true
        }
    }

    /// The same failure in this client's terms.
    init(_ error: AWSTransportError) {
        switch error {
        case .connectionFailed(let endpoint, let reason): self = .connectionFailed(endpoint: endpoint, reason: reason)
        case .connectionLost(let endpoint, let reason): self = .connectionLost(endpoint: endpoint, reason: reason)
        case .responseTooLarge(let httpStatus, let requestId, let bytesMax):
            self = .unexpectedResponse(
                httpStatus: httpStatus, requestId: requestId,
                detail: "the response body is larger than \(bytesMax) bytes")
        }
    }
}
