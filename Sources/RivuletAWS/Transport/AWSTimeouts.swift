/// How long one attempt may take. A timed-out attempt counts as a broken connection and may be retried.
public struct AWSTimeouts: Sendable, Equatable {
    /// Establishing a connection, TLS handshake included.
    public var connectMilliseconds: Int64
    /// The whole attempt, from sending the request to the last byte of the response.
    public var requestMilliseconds: Int64

    public init(connectMilliseconds: Int64, requestMilliseconds: Int64) {
        precondition(connectMilliseconds > 0 && requestMilliseconds > 0, "timeouts must be positive")
        self.connectMilliseconds = connectMilliseconds
        self.requestMilliseconds = requestMilliseconds
    }

    /// 10 s to connect and 60 s per attempt: a GetRecords response of 10 MiB needs time on a slow link.
    public static let standard = AWSTimeouts(connectMilliseconds: 10_000, requestMilliseconds: 60_000)
}
