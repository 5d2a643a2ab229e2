import Testing

@testable import RivuletAWS

@Suite struct AWSEndpointTests {
    @Test func withoutAnEndpointTheRegionalOneIsUsed() throws {
        let endpoint = try AWSEndpoint.resolve(nil, service: "kinesis", region: "eu-west-1")
        #expect(endpoint == AWSEndpoint(scheme: .https, host: "kinesis.eu-west-1.amazonaws.com", port: 443))
        #expect(endpoint.url() == "https://kinesis.eu-west-1.amazonaws.com/")
        #expect(endpoint.hostHeader == "kinesis.eu-west-1.amazonaws.com")
    }

    @Test func chinaRegionsHaveTheirOwnDomain() {
        #expect(AWSEndpoint.awsRegional(service: "kinesis", region: "cn-north-1").host == "kinesis.cn-north-1.amazonaws.com.cn")
    }

    @Test(arguments: [
        ("http://127.0.0.1:4567", AWSEndpoint.Scheme.http, "127.0.0.1", 4567, "127.0.0.1:4567"),
        ("http://localhost:4567/", .http, "localhost", 4567, "localhost:4567"),
        ("HTTPS://rivulet.example.com", .https, "rivulet.example.com", 443, "rivulet.example.com"),
        ("http://rivulet.example.com:80", .http, "rivulet.example.com", 80, "rivulet.example.com"),
        ("https://rivulet.example.com:8443", .https, "rivulet.example.com", 8443, "rivulet.example.com:8443"),
        ("http://[::1]:4567", .http, "::1", 4567, "[::1]:4567"),
        ("https://[2001:db8::7]", .https, "2001:db8::7", 443, "[2001:db8::7]"),
    ])
    func parsesExplicitEndpoints(
        text: String, scheme: AWSEndpoint.Scheme, host: String, port: Int, hostHeader: String
    ) throws {
        let endpoint = try AWSEndpoint.resolve(text, service: "kinesis", region: "us-east-1")
        #expect(endpoint == AWSEndpoint(scheme: scheme, host: host, port: port))
        #expect(endpoint.hostHeader == hostHeader)
        #expect(endpoint.url() == "\(scheme.rawValue)://\(hostHeader)/")
    }

    @Test(arguments: [
        ("127.0.0.1:4567", "expected http:// or https://"),
        ("ftp://host", "the scheme must be http or https"),
        ("http://", "the host is missing"),
        ("http://:4567", "the host is missing"),
        ("http://host:0", "the port must be a number from 1 to 65535"),
        ("http://host:65536", "the port must be a number from 1 to 65535"),
        ("http://host:port", "the port must be a number from 1 to 65535"),
        ("http://host/path", "only a host and a port may follow the scheme"),
        ("http://host?query", "only a host and a port may follow the scheme"),
        ("http://user@host", "only a host and a port may follow the scheme"),
        ("http://[::1", "unclosed IPv6 address"),
        ("http://[::1]4567", "unexpected text after the IPv6 address"),
    ])
    func refusesMalformedEndpoints(text: String, reason: String) {
        #expect(throws: AWSConfigurationError.invalidEndpoint(text, reason: reason)) {
            try AWSEndpoint.parse(text)
        }
    }
}
