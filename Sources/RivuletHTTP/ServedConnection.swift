import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOWebSocket

/// One accepted connection once its protocol is known: HTTP/1.1 (possibly upgraded to a WebSocket by its first
/// request), or HTTP/2 (prior knowledge on the plain port, or ALPN `h2` on TLS), whose streams each carry one
/// request in HTTP/1's request and response parts.
enum ServedConnection: Sendable {
    typealias RequestChannel = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    typealias WebSocketChannel = NIOAsyncChannel<WebSocketFrame, WebSocketFrame>

    /// What the first request of an HTTP/1.1 connection that may upgrade turned it into.
    enum UpgradeResult: Sendable {
        case notUpgraded(RequestChannel)
        case webSocket(WebSocketChannel, HTTPRequestHead, WebSocketHandler)
    }

    case http1(RequestChannel)
    case http1Upgradable(connection: any Channel, upgrade: EventLoopFuture<UpgradeResult>)
    case http2(connection: any Channel, streams: NIOHTTP2Handler.AsyncStreamMultiplexer<RequestChannel>)

    /// How connections are configured: everything the pipelines need to know of the server.
    struct Setup: Sendable {
        var responder: any HTTPResponder
        var webSocketMessageBytesMax: Int
        var registry: HTTPConnectionRegistry

        /// Makes `channel` speak HTTP/1.1, with the WebSocket upgrade when the responder takes any; call on its
        /// event loop.
        func configureHTTP1(_ channel: any Channel) throws -> ServedConnection {
            guard responder.acceptsWebSockets else {
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                return .http1(try RequestChannel(wrappingChannelSynchronously: channel))
            }
            let responder = self.responder
            let messageBytesMax = webSocketMessageBytesMax
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: messageBytesMax,
                shouldUpgrade: { channel, head in
                    let accepted: HTTPHeaders? = responder.webSocketHandler(for: head) == nil ? nil : [:]
                    return channel.eventLoop.makeSucceededFuture(accepted)
                },
                upgradePipelineHandler: { channel, head in
                    channel.eventLoop.makeCompletedFuture {
                        // Asked again rather than carried over: the upgrader keeps no state between its callbacks.
                        guard let handler = responder.webSocketHandler(for: head) else {
                            throw NIOWebSocketUpgradeError.unsupportedWebSocketTarget
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            NIOWebSocketFrameAggregator(
                                minNonFinalFragmentSize: 1, maxAccumulatedFrameCount: Self.fragmentsPerMessageMax,
                                maxAccumulatedFrameSize: messageBytesMax))
                        return .webSocket(try WebSocketChannel(wrappingChannelSynchronously: channel), head, handler)
                    }
                })
            let configuration = NIOUpgradableHTTPServerPipelineConfiguration(
                upgradeConfiguration: NIOTypedHTTPServerUpgradeConfiguration(
                    upgraders: [upgrader],
                    notUpgradingCompletionHandler: { channel in
                        channel.eventLoop.makeCompletedFuture {
                            .notUpgraded(try RequestChannel(wrappingChannelSynchronously: channel))
                        }
                    }))
            let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(
                configuration: configuration)
            let upgradeHandler = try channel.pipeline.syncOperations.handler(
                type: NIOTypedHTTPServerUpgradeHandler<UpgradeResult>.self)
            try channel.pipeline.syncOperations.addHandler(
                WebSocketUpgradeFilter(responder: responder, registry: registry), position: .before(upgradeHandler))
            return .http1Upgradable(connection: channel, upgrade: upgraded)
        }

        /// Makes `channel` speak HTTP/2, each inbound stream translated to HTTP/1's parts; call on its event loop.
        func configureHTTP2(_ channel: any Channel) throws -> ServedConnection {
            let streams = try channel.pipeline.syncOperations.configureAsyncHTTP2Pipeline(mode: .server) { stream in
                stream.eventLoop.makeCompletedFuture {
                    try stream.pipeline.syncOperations.addHandler(HTTP2FramePayloadToHTTP1ServerCodec())
                    return try RequestChannel(wrappingChannelSynchronously: stream)
                }
            }
            let http2Handler = try channel.pipeline.syncOperations.handler(type: NIOHTTP2Handler.self)
            try channel.pipeline.syncOperations.addHandler(
                HTTP2ConnectionErrorCloser(), position: .before(http2Handler))
            return .http2(connection: channel, streams: streams)
        }

        /// A message may come in this many fragments at most; with the one-byte minimum for all but the last, a
        /// peer cannot make the server keep many tiny buffers.
        static let fragmentsPerMessageMax = 1024
    }
}
