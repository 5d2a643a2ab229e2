/// Signs outgoing requests: adds `Host`, `X-Amz-Date`, `X-Amz-Security-Token` for session credentials, and
/// `Authorization`.
public struct SigV4Signer: Sendable {
    public var credentials: SigV4Credentials
    public var region: String
    public var service: String

    public init(credentials: SigV4Credentials, region: String, service: String = SigV4.kinesisService) {
        self.credentials = credentials
        self.region = region
        self.service = service
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
        let signedHeaders = Set(signed.headers.map { $0.name.lowercased() }).subtracting(Self.unsignedHeaders).sorted()
        let scope = SigV4.credentialScope(date: timestamp.scopeDate, region: region, service: service)
        let stringToSign = SigV4CanonicalRequest(signed, signedHeaders: signedHeaders)
            .stringToSign(timestamp: timestamp, credentialScope: scope)
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
