import RivuletAWS
import RivuletClient

/// The endpoint chosen with `--endpoint-url`, and whether it is a local Rivulet server (which gets a default
/// region and dummy credentials) or Amazon Kinesis (which gets neither).
struct AdminEndpoint: Equatable {
    /// The word that chooses Amazon Kinesis's public endpoint for the region.
    static let awsKeyword = "aws"

    /// The URL to send requests to; nil for Amazon Kinesis's public endpoint in the resolved region.
    let url: String?
    let isLocal: Bool

    init(argument: String) throws(AWSConfigurationError) {
        guard argument.lowercased() != Self.awsKeyword else {
            url = nil
            isLocal = false
            return
        }
        let endpoint = try AWSEndpoint.parse(argument)
        url = argument
        // Amazon Kinesis speaks only https, so plain http is a Rivulet server wherever it runs; a loopback host is
        // one even behind TLS.
        isLocal = endpoint.scheme == .http || Self.isLoopback(endpoint.host)
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
