/// Credentials fixed for the client's life: given explicitly or found once by `ConfigurationResolver`.
public struct StaticCredentialsProvider: CredentialsProvider {
    public let fixedCredentials: SigV4Credentials

    public init(_ credentials: SigV4Credentials) {
        fixedCredentials = credentials
    }

    public func credentials() -> SigV4Credentials { fixedCredentials }
}
