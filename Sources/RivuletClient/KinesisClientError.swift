import RivuletCore

/// Why a call failed, once retries are spent or the failure was not worth retrying.
public enum KinesisClientError: Error, Sendable, Equatable, CustomStringConvertible {
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
}
