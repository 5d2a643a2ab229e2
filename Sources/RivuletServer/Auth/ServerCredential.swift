/// One key the server accepts: its secret, and for temporary credentials the session token that must come with it.
///
/// AWS refuses a security token sent with a permanent key, and a temporary key without its token, both as
/// UnrecognizedClientException; a server that ignored the token would accept requests AWS refuses.
public struct ServerCredential: Sendable, Equatable {
    public var secretAccessKey: String
    /// Nil for a permanent key, which must come without a token.
    public var sessionToken: String?

    public init(secretAccessKey: String, sessionToken: String? = nil) {
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Whether the token a request carries (the `X-Amz-Security-Token` header, or nil) is the one this key needs.
    func accepts(sessionToken presented: String?) -> Bool {
        presented == sessionToken
    }
}
