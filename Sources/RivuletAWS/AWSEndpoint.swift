/// Where requests to one service go: a scheme, a host and a port. Parsed here rather than by a URL library so that
/// what is signed as `Host` is exactly what is sent.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        case http, https

        var defaultPort: Int { self == .http ? 80 : 443 }
    }

    public var scheme: Scheme
    /// A name or an address; an IPv6 address without its brackets.
    public var host: String
    public var port: Int

    public init(scheme: Scheme, host: String, port: Int? = nil) {
        precondition(!host.isEmpty, "an endpoint needs a host")
        self.scheme = scheme
        self.host = host
        self.port = port ?? scheme.defaultPort
    }

    /// The explicit endpoint when there is one, else `service`'s public endpoint in `region`.
    public static func resolve(_ endpoint: String?, service: String, region: String) throws(AWSConfigurationError)
        -> AWSEndpoint
    {
        guard let endpoint else { return awsRegional(service: service, region: region) }
        return try parse(endpoint)
    }

    /// `https://{service}.{region}.amazonaws.com`, or `.amazonaws.com.cn` in the China regions.
    public static func awsRegional(service: String, region: String) -> AWSEndpoint {
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return AWSEndpoint(scheme: .https, host: "\(service).\(region).\(domain)")
    }

    /// Parses `scheme://host[:port][/]`. An endpoint names a service, not a place in it (Kinesis puts every
    /// operation at `/`, S3 puts buckets and keys in the path), so a path, query or user name is refused rather
    /// than silently dropped.
    public static func parse(_ text: String) throws(AWSConfigurationError) -> AWSEndpoint {
        let invalid = { (reason: String) in AWSConfigurationError.invalidEndpoint(text, reason: reason) }
        guard let separator = text.range(of: "://") else { throw invalid("expected http:// or https://") }
        guard let scheme = Scheme(rawValue: text[..<separator.lowerBound].lowercased()) else {
            throw invalid("the scheme must be http or https")
        }
        var authority = text[separator.upperBound...]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.contains(where: { "/?#@".contains($0) }) else {
            throw invalid("only a host and a port may follow the scheme")
        }

        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let closing = authority.firstIndex(of: "]") else { throw invalid("unclosed IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<closing]
            let rest = authority[authority.index(after: closing)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 address") }
                portText = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw invalid("the host is missing") }
        guard let portText else { return AWSEndpoint(scheme: scheme, host: String(host)) }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw invalid("the port must be a number from 1 to 65535")
        }
        return AWSEndpoint(scheme: scheme, host: String(host), port: port)
    }

    /// The `Host` header: the host, and the port unless it is the scheme's default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    /// The URL of `path` (percent-encoded, starting with `/`) and `query` (without `?`, empty for none).
    public func url(path: String = "/", query: String = "") -> String {
        "\(scheme.rawValue)://\(hostHeader)\(path)\(query.isEmpty ? "" : "?" + query)"
    }

    /// The endpoint as a user would write it, for messages.
    public var description: String { "\(scheme.rawValue)://\(hostHeader)" }
}
