/// Where requests go: a scheme, a host and a port. Parsed here rather than by a URL library so that what is signed
/// as `Host` is exactly what is sent.
public struct ClientEndpoint: Sendable, Equatable, CustomStringConvertible {
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

    /// The explicit endpoint when there is one, else the service's public endpoint for `region`.
    public static func resolve(_ endpoint: String?, region: String) throws(ClientConfigurationError) -> ClientEndpoint {
        guard let endpoint else { return awsRegional(region: region) }
        return try parse(endpoint)
    }

    /// `https://kinesis.{region}.amazonaws.com`, or `.amazonaws.com.cn` in the China regions.
    public static func awsRegional(region: String) -> ClientEndpoint {
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return ClientEndpoint(scheme: .https, host: "kinesis.\(region).\(domain)")
    }

    /// Parses `scheme://host[:port][/]`. Kinesis puts every operation at `/`, so a path, query or user name is
    /// refused rather than silently dropped.
    public static func parse(_ text: String) throws(ClientConfigurationError) -> ClientEndpoint {
        let invalid = { (reason: String) in ClientConfigurationError.invalidEndpoint(text, reason: reason) }
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
        guard let portText else { return ClientEndpoint(scheme: scheme, host: String(host)) }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw invalid("the port must be a number from 1 to 65535")
        }
        return ClientEndpoint(scheme: scheme, host: String(host), port: port)
    }

    /// The `Host` header: the host, and the port unless it is the scheme's default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    /// The URL every request is posted to.
    public var url: String { "\(scheme.rawValue)://\(hostHeader)/" }

    /// The endpoint as a user would write it, for messages.
    public var description: String { "\(scheme.rawValue)://\(hostHeader)" }
}
