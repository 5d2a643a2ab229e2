/// Signs outgoing requests for any service: adds `Host`, `X-Amz-Date`, `X-Amz-Security-Token` for session
/// credentials, `X-Amz-Content-SHA256` where the service wants it (S3), and `Authorization`.
public struct SigV4Signer: Sendable {
    public var credentials: SigV4Credentials
    public var region: String
    /// The service's signing name: `kinesis`, `firehose`, `s3`.
    public var service: String
    public var pathEncoding: SigV4PathEncoding
    /// Whether the payload hash also travels, signed, in `X-Amz-Content-SHA256`, as S3 requires.
    public var sendsPayloadHash: Bool

    public init(
        credentials: SigV4Credentials, region: String, service: String,
        pathEncoding: SigV4PathEncoding = .normalizedAndEncoded, sendsPayloadHash: Bool = false
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.pathEncoding = pathEncoding
        self.sendsPayloadHash = sendsPayloadHash
    }

    /// A signer for Amazon S3 and S3-compatible stores: the path signed as sent and the payload hash sent along
    /// (the request's, or `SigV4.unsignedPayload` for a body not hashed).
    public static func s3(credentials: SigV4Credentials, region: String) -> SigV4Signer {
        SigV4Signer(
            credentials: credentials, region: region, service: "s3", pathEncoding: .asSent, sendsPayloadHash: true)
    }

    /// Headers left unsigned, as AWS's SDKs leave them: hop-by-hop headers and those that proxies and HTTP
    /// libraries rewrite on the way, which would otherwise break the signature in transit.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// Returns `request` signed at `nowMilliseconds`. A request signed before (a retry) is signed afresh.
    /// - Parameter host: the `Host` header the request is sent with: the endpoint's host, and its port unless it is
    ///   the scheme's default.
    public func sign(_ request: SigV4Request, host: String, nowMilliseconds: Int64) -> SigV4Request {
        let timestamp = SigV4Timestamp(epochMilliseconds: nowMilliseconds)
        var signed = request
        signed.removeHeader("authorization")
        signed.setHeader("host", host)
        signed.setHeader("x-amz-date", timestamp.basicFormat)
        if let sessionToken = credentials.sessionToken {
            signed.setHeader("x-amz-security-token", sessionToken)
        }
        if sendsPayloadHash {
            signed.setHeader(SigV4.contentHashHeader, request.payloadHash)
        }
        let signedHeaders = Set(signed.headers.map { $0.name.lowercased() }).subtracting(Self.unsignedHeaders).sorted()
        let canonicalRequest = SigV4CanonicalRequest(signed, signedHeaders: signedHeaders, pathEncoding: pathEncoding)
        let scope = SigV4.credentialScope(date: timestamp.scopeDate, region: region, service: service)
        let stringToSign = canonicalRequest.stringToSign(timestamp: timestamp, credentialScope: scope)
        let signingKey = SigV4.signingKey(
            secretAccessKey: credentials.secretAccessKey, date: timestamp.scopeDate, region: region, service: service)
        let authorization = SigV4Authorization(
            accessKeyId: credentials.accessKeyId, date: timestamp.scopeDate, region: region, service: service,
            signedHeaders: signedHeaders,
            signature: SigV4.signature(stringToSign: stringToSign, signingKey: signingKey))
        signed.setHeader("authorization", authorization.headerValue)
        return signed
    }
}
