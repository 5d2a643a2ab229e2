import NIOHTTP1

/// Routes requests by method and path to handlers, and WebSocket upgrades by path. Patterns are paths whose
/// segments may be `{name}` (one segment, percent-decoded into `pathParameters[name]`) and whose last segment may
/// be `*` (the rest of the path, possibly empty, into `pathParameters["*"]`). Routes are tried in the order added.
///
/// What no route takes goes to the fallback when there is one (the Kinesis API takes every `POST /` and answers
/// everything else in AWS's words); without one, a path routed for other methods is 405 with `Allow`, anything
/// else 404. A `HEAD` request is served by the `GET` route of its path.
public struct HTTPRouter: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private struct Route: Sendable {
        var method: HTTPMethod
        var pattern: RoutePattern
        var handler: Handler
    }

    private struct WebSocketRoute: Sendable {
        var pattern: RoutePattern
        var handler: WebSocketHandler
    }

    private var routes: [Route] = []
    private var webSocketRoutes: [WebSocketRoute] = []
    private let fallback: (any HTTPResponder)?

    public init(fallback: (any HTTPResponder)? = nil) {
        self.fallback = fallback
    }

    /// Routes `method` requests whose path matches `pattern` to `handler`.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler))
    }

    /// Upgrades `GET` requests whose path matches `pattern` to WebSocket connections served by `handler`. The
    /// handler sees the upgrade request (without a body) with its path parameters.
    public mutating func addWebSocket(_ pattern: String, _ handler: @escaping WebSocketHandler) {
        webSocketRoutes.append(WebSocketRoute(pattern: RoutePattern(pattern), handler: handler))
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let path = request.path
        let parts = RoutePattern.segments(of: path) ?? []
        let method = request.method == .HEAD ? .GET : request.method
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.pattern.match(parts) else { continue }
            guard route.method == method else {
                allowed.append(route.method)
                continue
            }
            var routed = request
            routed.pathParameters = parameters
            return await route.handler(routed)
        }
        if let fallback { return await fallback.respond(to: request) }
        if webSocketRoutes.contains(where: { $0.pattern.match(parts) != nil }) {
            return .text(.upgradeRequired, "this path speaks WebSocket only")
        }
        guard allowed.isEmpty else {
            var response = HTTPResponse.text(.methodNotAllowed, "\(request.method) is not served at \(path)")
            response.headers.add(name: "allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            return response
        }
        return .text(.notFound, "nothing is served at \(path)")
    }

    public func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse {
        fallback?.respondToOversizeBody(head)
            ?? .text(.payloadTooLarge, "the request body is larger than this server accepts")
    }

    public func webSocketHandler(for head: HTTPRequestHead) -> WebSocketHandler? {
        guard head.method == .GET else { return nil }
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let parts = RoutePattern.segments(of: path) else { return fallback?.webSocketHandler(for: head) }
        for route in webSocketRoutes {
            guard let parameters = route.pattern.match(parts) else { continue }
            let handler = route.handler
            return { request, connection in
                var routed = request
                routed.pathParameters = parameters
                try await handler(routed, connection)
            }
        }
        return fallback?.webSocketHandler(for: head)
    }

    public var acceptsWebSockets: Bool {
        !webSocketRoutes.isEmpty || fallback?.acceptsWebSockets == true
    }
}
