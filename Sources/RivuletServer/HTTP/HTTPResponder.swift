import NIOHTTP1

/// Turns complete requests into responses. The HTTP layer knows nothing of Kinesis beyond this.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse

    /// The answer to a request whose body exceeds the limit, sent before the body is read.
    func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse
}
