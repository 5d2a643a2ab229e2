import NIOCore
import NIOHTTP1

/// Lets only upgrades the server will take reach NIO's upgrade handler. That handler holds back an upgrade
/// request's head while it looks for an upgrader, and when none accepts (no WebSocket at that path, a missing key,
/// another version) the head is lost and the client waits forever. So the first request's `Upgrade` header is
/// removed here unless the responder has a handler for its path and the request carries what RFC 6455 requires;
/// the request is then answered like any other (426 at a WebSocket path). An upgrade let through counts as a
/// request in flight from here on, before the 101 goes out, so a graceful shutdown starting meanwhile closes the
/// socket with its close handshake rather than as an idle connection. Only a connection's first request can
/// upgrade, so the filter leaves the pipeline after it.
final class WebSocketUpgradeFilter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let responder: any HTTPResponder
    private let registry: HTTPConnectionRegistry

    init(responder: any HTTPResponder, registry: HTTPConnectionRegistry) {
        self.responder = responder
        self.registry = registry
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        if head.headers.contains(name: "upgrade") {
            if Self.isAcceptable(head, responder: responder) {
                registry.activity(of: context.channel)?.requestStarted()
                // Its body, if any, is not the server's to read: an open WebSocket is timed by its handler.
                registry.activity(of: context.channel)?.requestRead()
            } else {
                head.headers.remove(name: "upgrade")
            }
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// A WebSocket upgrade (`Upgrade: websocket`, one key, version 13) to a path with a handler.
    static func isAcceptable(_ head: HTTPRequestHead, responder: any HTTPResponder) -> Bool {
        head.headers["upgrade"].contains { $0.lowercased() == "websocket" }
            && head.headers["sec-websocket-key"].count == 1
            && head.headers["sec-websocket-version"] == ["13"]
            && responder.webSocketHandler(for: head) != nil
    }
}
