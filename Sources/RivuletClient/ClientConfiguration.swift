import Logging
import RivuletAWS
import RivuletWire

/// Everything a `KinesisClient` needs to reach and sign for a Kinesis endpoint.
public struct ClientConfiguration: Sendable {
    /// `http://127.0.0.1:4567` for a local server; nil for the service's public endpoint in `region`.
    public var endpoint: String?
    /// Signs requests, and picks the public endpoint when `endpoint` is nil.
    public var region: String
    public var credentialsProvider: any CredentialsProvider
    public var timeouts: AWSTimeouts
    public var retryPolicy: RetryPolicy
    public var logger: Logger
    /// The body format requests are sent in: JSON by default; CBOR is smaller for binary records.
    public var wireFormat: WireFormat = .json

    public init(
        endpoint: String? = nil, region: String, credentialsProvider: any CredentialsProvider,
        timeouts: AWSTimeouts = .standard, retryPolicy: RetryPolicy = .standard,
        logger: Logger = Logger(label: "rivulet.client", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.endpoint = endpoint
        self.region = region
        self.credentialsProvider = credentialsProvider
        self.timeouts = timeouts
        self.retryPolicy = retryPolicy
        self.logger = logger
    }

    /// A configuration whose credentials and region come from explicit values where given and otherwise from the
    /// environment and the shared files, as `ConfigurationResolver` describes.
    public static func resolve(
        endpoint: String? = nil, region: String? = nil, credentials: SigV4Credentials? = nil, profile: String? = nil,
        environment: [String: String]
    ) throws(AWSConfigurationError) -> ClientConfiguration {
        let resolver = ConfigurationResolver(environment: environment)
        let resolvedRegion = try resolver.region(explicit: region, profile: profile)
        let resolvedCredentials = try resolver.credentials(explicit: credentials, profile: profile)
        return ClientConfiguration(
            endpoint: endpoint, region: resolvedRegion,
            credentialsProvider: StaticCredentialsProvider(resolvedCredentials))
    }
}
