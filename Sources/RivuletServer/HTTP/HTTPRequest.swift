import NIOCore
import NIOHTTP1

/// A complete HTTP request as the dispatcher sees it: the head and the whole body.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var uri: String
    public var headers: HTTPHeaders
    public var body: ByteBuffer

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

/// An HTTP response: a whole body, or a stream of body chunks written as they are produced.
public struct HTTPResponse: Sendable {
    public var status: HTTPResponseStatus
    public var headers: HTTPHeaders
    public var body: ByteBuffer
    /// When set, the body is streamed (chunked on HTTP/1.1) and `body` is ignored.
    public var stream: HTTPResponseStream?

    public init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], stream: HTTPResponseStream) {
        self.status = status
        self.headers = headers
        self.body = ByteBuffer()
        self.stream = stream
    }
}
