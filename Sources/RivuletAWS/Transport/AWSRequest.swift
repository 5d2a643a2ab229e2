import NIOCore

/// One HTTP request to an AWS service (or a compatible one), ready to send once signed: any method, any path,
/// a body whole or streamed.
public struct AWSRequest: Sendable {
    public var method: String
    public var endpoint: AWSEndpoint
    /// Percent-encoded, starting with `/`.
    public var path: String
    /// Without the `?`; empty for none.
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: AWSRequestBody

    public init(
        method: String, endpoint: AWSEndpoint, path: String = "/", query: String = "",
        headers: [(name: String, value: String)] = [], body: AWSRequestBody = .bytes([])
    ) {
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The request as SigV4 covers it. A whole body is hashed unless `payloadHash` is given; a streamed body, whose
    /// bytes are not at hand, is signed with `payloadHash` (its hash computed beforehand) or as
    /// `SigV4.unsignedPayload`, which S3 accepts and other services do not.
    public func signable(payloadHash: String? = nil) -> SigV4Request {
        switch body {
        case .bytes(let bytes) where payloadHash == nil:
            SigV4Request(method: method, path: path, query: query, headers: headers, body: bytes)
        case .bytes, .stream:
            SigV4Request(
                method: method, path: path, query: query, headers: headers,
                payloadHash: payloadHash ?? SigV4.unsignedPayload)
        }
    }

    /// This request with the headers `signed` carries: what the signer added (Host, the date, Authorization, ...).
    public func with(headersOf signed: SigV4Request) -> AWSRequest {
        var request = self
        request.headers = signed.headers
        return request
    }
}

/// A request's body: bytes at hand, or chunks produced as they are sent, whose total length is declared up front
/// (S3 refuses an upload without a Content-Length).
public enum AWSRequestBody: Sendable {
    case bytes([UInt8])
    case stream(AsyncThrowingStream<ByteBuffer, any Error>, lengthBytes: Int64)
}
