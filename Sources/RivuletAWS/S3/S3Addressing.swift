import RivuletCore

/// How requests name an S3 bucket and object. Virtual-hosted style puts the bucket in the host
/// (`https://bucket.s3.us-east-1.amazonaws.com/key`), as AWS prefers; path style puts it first in the path
/// (`http://127.0.0.1:5000/bucket/key`), which S3-compatible stores (moto, MinIO, Ceph) serve by default and which a
/// bucket name with dots needs under TLS (its certificate covers one label only).
public struct S3Addressing: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        case path
        case virtualHosted = "virtual"
    }

    /// The service endpoint, without any bucket.
    public var endpoint: AWSEndpoint
    public var style: Style

    public init(endpoint: AWSEndpoint, style: Style) {
        self.endpoint = endpoint
        self.style = style
    }

    /// AWS's regional endpoint, virtual-hosted.
    public static func aws(region: String) -> S3Addressing {
        S3Addressing(endpoint: .awsRegional(service: "s3", region: region), style: .virtualHosted)
    }

    /// A custom endpoint (`--s3-endpoint-url`) with the style such stores serve without configuration.
    public static func custom(_ endpoint: AWSEndpoint) -> S3Addressing {
        S3Addressing(endpoint: endpoint, style: .path)
    }

    /// Where a request for `key` in `bucket` goes (for the bucket itself, nil): the endpoint to connect to and sign
    /// as `Host`, and the percent-encoded path. Each segment of the key is encoded, its slashes kept, so the path
    /// is the one S3 signs as sent.
    public func locate(bucket: String, key: String?) -> (endpoint: AWSEndpoint, path: String) {
        let encodedKey = key.map { PercentEncoding.encode($0, keepingSlashes: true) } ?? ""
        switch style {
        case .path:
            return (endpoint, "/" + PercentEncoding.encode(bucket) + (key == nil ? "" : "/" + encodedKey))
        case .virtualHosted:
            let host = AWSEndpoint(scheme: endpoint.scheme, host: "\(bucket).\(endpoint.host)", port: endpoint.port)
            return (host, "/" + encodedKey)
        }
    }
}
