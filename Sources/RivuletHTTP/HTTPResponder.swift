import NIOHTTP1

/// Turns complete requests into responses: all the HTTP layer asks of what it serves. `HTTPRouter` is the usual
/// one; the Kinesis dispatcher is another, mounted as a router's fallback.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse

    /// The answer to a request whose body exceeds the limit, sent before the body is read.
    func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse

    /// The handler for a WebSocket upgrade of `head`, or nil to refuse it (the request is then answered as any
    /// other). Asked only when `acceptsWebSockets` is true.
    func webSocketHandler(for head: HTTPRequestHead) -> WebSocketHandler?

    /// Whether any request may be upgraded to a WebSocket: when false, HTTP/1.1 connections are served without the
    /// upgrade machinery.
    var acceptsWebSockets: Bool { get }
}

extension HTTPResponder {
    public func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse {
        .text(.payloadTooLarge, "the request body is larger than this server accepts")
    }

    public func webSocketHandler(for head: HTTPRequestHead) -> WebSocketHandler? { nil }

    public var acceptsWebSockets: Bool { false }
}
