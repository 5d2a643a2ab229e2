import NIOCore
import NIOHTTP1

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

    /// A whole body of text or bytes with its content type.
    public init(status: HTTPResponseStatus, contentType: String, body: some Sequence<UInt8>) {
        self.init(status: status, headers: ["content-type": contentType], body: ByteBuffer(bytes: body))
    }

    /// A short plain-text answer, for errors a person reads.
    public static func text(_ status: HTTPResponseStatus, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
    }
}
