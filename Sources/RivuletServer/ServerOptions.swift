import RivuletCore
import Logging
import RivuletStorage

/// Everything `rivulet server` can be told.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 4567
    public var dataDirectory = "./rivulet-data"
    public var fsyncPolicy: FsyncPolicy = .always
    public var accountId = "000000000000"
    /// Path of a JSON file of access key id -> secret; when set, signatures are verified.
    public var credentialsPath: String?
    /// The keyring for encryption at rest (see KeyringFile); nil means `keyring.json` in the data directory.
    public var keyringPath: String?
    public var statusDelayMilliseconds: Int64 = 0
    public var requestBodyBytesMax = Limits.requestBodyBytesMax
    public var connectionsMax = Limits.connectionsMax
    /// PEM certificate chain and private key; when both are set the port speaks TLS (HTTP/1.1 and HTTP/2 by ALPN).
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Apply the real service's rate limits (`--enforce-limits`).
    public var enforceLimits = false
    /// Faults added on purpose (`--fault-injection`).
    public var faultInjection = FaultInjection()

    public init() {}
}
