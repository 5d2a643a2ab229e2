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
    public var statusDelayMilliseconds: Int64 = 0
    public var requestBodyBytesMax = Limits.requestBodyBytesMax
    public var connectionsMax = Limits.connectionsMax

    public init() {}
}
