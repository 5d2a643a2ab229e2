/// The keys a request is signed with. Session credentials add a token, which travels in `X-Amz-Security-Token`.
public struct SigV4Credentials: Sendable, Equatable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Names the key but never prints the secret or the token, so credentials can be logged safely.
    public var description: String {
        "SigV4Credentials(accessKeyId: \(accessKeyId)\(sessionToken == nil ? "" : ", with session token"))"
    }
}
