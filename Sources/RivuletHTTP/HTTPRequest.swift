import NIOCore
import NIOHTTP1

/// A complete HTTP request as a responder sees it: the head and the whole body.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var uri: String
    public var headers: HTTPHeaders
    public var body: ByteBuffer
    /// The values of a route's `{name}` segments, percent-decoded; set by `HTTPRouter`.
    public var pathParameters: [String: String] = [:]

    public init(method: HTTPMethod, uri: String, headers: HTTPHeaders, body: ByteBuffer) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// The path without the query string.
    public var path: Substring {
        uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// The query string without the `?`, empty if there is none.
    public var query: Substring {
        guard let mark = uri.firstIndex(of: "?") else { return "" }
        return uri[uri.index(after: mark)...]
    }
}
