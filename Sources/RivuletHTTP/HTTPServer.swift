import RivuletCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOPosix
import NIOSSL
import NIOWebSocket
import ServiceLifecycle

/// The HTTP listener. On the plain port it speaks HTTP/1.1 and, for clients that open with the HTTP/2 preface
/// (prior knowledge, as the AWS SDK for Java does), HTTP/2; with TLS it offers both by ALPN. Each HTTP/1.1
/// connection and each HTTP/2 stream is served by a structured child task that reads a request, asks the responder,
/// and writes the response. Request bodies are bounded: a declared or actual length over the limit is answered with
/// the responder's oversize response before the rest of the body is read.
///
/// When the responder takes WebSockets, the first request of an HTTP/1.1 connection may upgrade it (RFC 6455; not
/// over HTTP/2); the connection then belongs to the responder's `WebSocketHandler` until either side closes it,
/// and a graceful shutdown closes it with 1001 (going away).
public final class HTTPServer: Service, Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var requestBodyBytesMax: Int
        /// All request bodies held at once, across connections.
        public var requestBodiesInFlightBytesMax: Int
        public var connectionsMax: Int
        /// When set, the port speaks TLS only.
        public var tls: TLSSettings?
        /// The largest WebSocket frame and whole message a peer may send.
        public var webSocketMessageBytesMax: Int
        public var timeouts: HTTPTimeouts

        public init(
            host: String, port: Int, requestBodyBytesMax: Int = Limits.requestBodyBytesMax,
            connectionsMax: Int = Limits.connectionsMax, tls: TLSSettings? = nil,
            webSocketMessageBytesMax: Int = Limits.webSocketMessageBytesMax, timeouts: HTTPTimeouts = HTTPTimeouts(),
            requestBodiesInFlightBytesMax: Int = Limits.requestBodiesInFlightBytesMax
        ) {
            self.host = host
            self.port = port
            self.requestBodyBytesMax = requestBodyBytesMax
            self.requestBodiesInFlightBytesMax = requestBodiesInFlightBytesMax
            self.connectionsMax = connectionsMax
            self.tls = tls
            self.webSocketMessageBytesMax = webSocketMessageBytesMax
            self.timeouts = timeouts
        }
    }

    /// After an oversize response, this much more of the refused body is read and discarded so the client sees the
    /// response instead of a connection reset; beyond it the connection is simply closed.
    static let refusedBodyDrainBytesMax = 1024 * 1024

    private let configuration: Configuration
    private let responder: any HTTPResponder
    private let logger: Logger
    private let onListening: @Sendable (SocketAddress) -> Void
    private let registry: HTTPConnectionRegistry
    private let bodyBudget: RequestBodyBudget

    public init(
        configuration: Configuration, responder: any HTTPResponder, logger: Logger,
        onListening: @escaping @Sendable (SocketAddress) -> Void
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.onListening = onListening
        self.registry = HTTPConnectionRegistry(connectionsMax: configuration.connectionsMax)
        self.bodyBudget = RequestBodyBudget(capacity: configuration.requestBodiesInFlightBytesMax)
    }

    public var openConnectionCount: Int { registry.count }

    public func run() async throws {
        let registry = self.registry
        let tls = configuration.tls
        let setup = ServedConnection.Setup(
            responder: responder, webSocketMessageBytesMax: configuration.webSocketMessageBytesMax,
            registry: registry)
        let logger = self.logger
        let connectionsMax = configuration.connectionsMax
        let timeouts = configuration.timeouts
        let serverChannel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture { () -> EventLoopFuture<ServedConnection> in
                    // Admitted before a byte is read, so connections that never speak still count to the limit.
                    guard case .admitted(let activity, let evicted) = registry.admit(channel) else {
                        logger.warning(
                            "refusing connection: limit reached and every connection busy",
                            metadata: ["connections.max": "\(connectionsMax)"])
                        channel.close(promise: nil)
                        return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                    }
                    if let evicted {
                        logger.debug("closing the longest-idle connection to admit a new one")
                        evicted.close(promise: nil)
                    }
                    channel.closeFuture.whenComplete { _ in registry.remove(channel) }
                    try channel.pipeline.syncOperations.addHandler(
                        ConnectionWatchdog(
                            activity: activity, timeouts: timeouts, logger: logger,
                            isCrowded: { registry.isCrowded }))
                    return try Self.negotiate(channel, tls: tls, setup: setup)
                }
            }
        if let address = serverChannel.channel.localAddress {
            onListening(address)
        }
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await serverChannel.executeThenClose { connections in
                    for try await negotiation in connections {
                        group.addTask {
                            guard let connection = try? await negotiation.get() else { return }
                            await self.serve(connection)
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            serverChannel.channel.close(promise: nil)
            registry.beginShutdown()
        }
    }

    /// Sets up protocol detection: ALPN under TLS, the HTTP/2 preface on the plain port. The future completes once
    /// the protocol is known and the pipeline speaks it.
    private static func negotiate(
        _ channel: any Channel, tls: TLSSettings?, setup: ServedConnection.Setup
    ) throws -> EventLoopFuture<ServedConnection> {
        guard let tls else {
            let decided = channel.eventLoop.makePromise(of: ServedConnection.self)
            try channel.pipeline.syncOperations.addHandler(PriorKnowledgeSniffer(decided: decided, setup: setup))
            return decided.futureResult
        }
        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls.context))
        let negotiated = channel.configureHTTP2AsyncSecureUpgrade(
            http1ConnectionInitializer: { channel in
                channel.eventLoop.makeCompletedFuture { try setup.configureHTTP1(channel) }
            },
            http2ConnectionInitializer: { channel in
                channel.eventLoop.makeCompletedFuture { try setup.configureHTTP2(channel) }
            })
        return negotiated.flatMap { $0 }.map { version in
            switch version {
            case .http1_1(let connection), .http2(let connection): connection
            }
        }
    }

    private func serve(_ connection: ServedConnection) async {
        do {
            switch connection {
            case .http1(let requests):
                try await serveHTTP1(requests)
            case .http1Upgradable(let channel, let upgrade):
                let upgraded: ServedConnection.UpgradeResult
                do {
                    upgraded = try await upgrade.get()
                } catch {
                    // Nothing can be served on a connection whose first request broke the upgrade machinery.
                    channel.close(promise: nil)
                    throw error
                }
                switch upgraded {
                case .notUpgraded(let requests):
                    try await serveHTTP1(requests)
                case .webSocket(let channel, let head, let handler):
                    try await serveWebSocket(channel, head: head, handler: handler)
                }
            case .http2(let channel, let streams):
                try await withThrowingDiscardingTaskGroup { group in
                    for try await stream in streams.inbound {
                        group.addTask { await self.serveStream(stream, of: channel) }
                    }
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    private func serveHTTP1(_ requests: ServedConnection.RequestChannel) async throws {
        try await requests.executeThenClose { inbound, outbound in
            try await self.exchange(
                channel: requests.channel, connection: requests.channel, inbound: inbound, outbound: outbound)
        }
    }

    /// An upgraded connection, busy (since `WebSocketUpgradeFilter` let its upgrade through) for as long as its
    /// handler runs. The close the handler did not send goes out when it returns; a graceful shutdown sends 1001
    /// and closes the connection, which ends the handler's messages.
    private func serveWebSocket(
        _ channel: ServedConnection.WebSocketChannel, head: HTTPRequestHead, handler: WebSocketHandler
    ) async throws {
        let underlying = channel.channel
        defer { registry.activity(of: underlying)?.requestAnswered() }
        let request = HTTPRequest(method: head.method, uri: head.uri, headers: head.headers, body: ByteBuffer())
        try await channel.executeThenClose { inbound, outbound in
            let connection = WebSocketConnection(inbound: inbound, outbound: outbound)
            do {
                try await withGracefulShutdownHandler {
                    try await handler(request, connection)
                } onGracefulShutdown: {
                    connection.markCloseSent()
                    var data = ByteBuffer()
                    data.write(webSocketErrorCode: .goingAway)
                    underlying.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))
                        .whenComplete { _ in underlying.close(promise: nil) }
                }
                try? await connection.close(code: .normalClosure)
            } catch {
                logger.debug("WebSocket handler ended with an error", metadata: ["error": "\(error)"])
                try? await connection.close(code: .unexpectedServerError)
            }
        }
    }

    /// One HTTP/2 stream: one request and its response. Once the server is stopping, the connection closes as soon
    /// as its last stream is answered.
    private func serveStream(_ stream: ServedConnection.RequestChannel, of connection: any Channel) async {
        do {
            try await stream.executeThenClose { inbound, outbound in
                try await self.exchange(
                    channel: stream.channel, connection: connection, inbound: inbound, outbound: outbound)
            }
        } catch {
            logger.debug("stream ended with an error", metadata: ["error": "\(error)"])
        }
        registry.closeIfIdleAndStopping(connection)
    }

    /// Serves requests on `channel` (a connection, or an HTTP/2 stream of `connection`) until it ends, then waits
    /// until the last answer has left, so closing the channel never cuts it short.
    private func exchange(
        channel: any Channel, connection: any Channel,
        inbound: NIOAsyncChannelInboundStream<HTTPServerRequestPart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        let activity = registry.activity(of: connection)
        var head: HTTPRequestHead?
        var body = ByteBuffer()
        var iterator = inbound.makeAsyncIterator()
        // Whether a request is in flight, and whether its body is still being read; however the exchange ends (a
        // refused body, a peer gone mid-write), both are given back, or the connection would never look idle again.
        var inFlight = false
        var reading = false
        var reservedBytes = 0
        defer {
            if reading { activity?.requestRead() }
            if inFlight { activity?.requestAnswered() }
            bodyBudget.release(reservedBytes)
        }
        serving: while let part = try await iterator.next() {
            switch part {
            case .head(let requestHead):
                head = requestHead
                body = ByteBuffer()
                if !inFlight {
                    activity?.requestStarted()
                    inFlight = true
                    reading = true
                }
                let declared = requestHead.headers.first(name: "content-length").flatMap { Int($0) }
                if let declared, declared > configuration.requestBodyBytesMax {
                    try await refuseOversize(requestHead, channel: channel, inbound: &iterator, outbound: outbound)
                    return
                }
                bodyBudget.release(reservedBytes)
                reservedBytes = 0
                let expected = declared
                    ?? (Self.mayHaveBodyWithoutLength(requestHead) ? configuration.requestBodyBytesMax : 0)
                if expected > 0 {
                    reservedBytes = try await bodyBudget.reserve(expected, until: channel.closeFuture)
                }
                if let declared, declared > 0 {
                    body = channel.allocator.buffer(capacity: declared)
                }
            case .body(var chunk):
                guard let requestHead = head else { continue }
                if body.readableBytes + chunk.readableBytes > configuration.requestBodyBytesMax {
                    try await refuseOversize(requestHead, channel: channel, inbound: &iterator, outbound: outbound)
                    return
                }
                body.writeBuffer(&chunk)
            case .end:
                guard let requestHead = head else { continue }
                head = nil
                if reading {
                    activity?.requestRead()
                    reading = false
                }
                let request = HTTPRequest(
                    method: requestHead.method, uri: requestHead.uri, headers: requestHead.headers, body: body)
                body = ByteBuffer()
                let response = await responder.respond(to: request)
                var keepAlive = requestHead.isKeepAlive && !registry.isShuttingDown
                if let stream = response.stream {
                    // The connection stays busy while the body streams; a stream ends on its own at shutdown.
                    keepAlive = keepAlive && Self.hasChunks(requestHead.version)
                    try await writeStreamed(
                        stream, status: response.status, headers: response.headers, version: requestHead.version,
                        channel: channel, to: outbound)
                } else {
                    try await write(response, version: requestHead.version, keepAlive: keepAlive, to: outbound)
                }
                // Answered only once written, so the connection does not count as idle while its answer is going
                // out; a shutdown that began meanwhile closes it here.
                inFlight = false
                activity?.requestAnswered()
                bodyBudget.release(reservedBytes)
                reservedBytes = 0
                if !keepAlive || registry.isShuttingDown { break serving }
            }
        }
        await finishOutput(of: channel, isStream: channel !== connection)
    }

    /// Waits until everything written on `channel` has left. On a connection, by closing its output: NIO shuts the
    /// socket's writing side only after the pending writes are out (and TLS sends its close_notify after them),
    /// whereas the full close that follows the exchange would drop them. On an HTTP/2 stream, by waiting for the
    /// stream to close, which it does once its last frame is sent; closing it earlier would reset it. A peer that
    /// stops reading is cut off by the write-stall limit in both cases.
    private func finishOutput(of channel: any Channel, isStream: Bool) async {
        guard isStream else {
            try? await channel.close(mode: .output).get()
            return
        }
        let stall = configuration.timeouts.writeStall
        let cutOff = channel.eventLoop.scheduleTask(in: stall) { channel.close(promise: nil) }
        try? await channel.closeFuture.get()
        cutOff.cancel()
    }

    private func refuseOversize(
        _ head: HTTPRequestHead, channel: any Channel,
        inbound: inout NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        logger.info("refusing oversize request body", metadata: ["http.uri": "\(head.uri)"])
        try await write(responder.respondToOversizeBody(head), version: head.version, keepAlive: false, to: outbound)
        try? await channel.close(mode: .output)
        var drained = 0
        while drained < Self.refusedBodyDrainBytesMax, let part = try? await inbound.next() {
            if case .body(let chunk) = part { drained += chunk.readableBytes }
            if case .end = part { break }
        }
    }

    private func write(
        _ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = response.headers
        headers.replaceOrAdd(name: "content-length", value: String(response.body.readableBytes))
        if !keepAlive {
            headers.replaceOrAdd(name: "connection", value: "close")
        }
        let head = HTTPResponseHead(version: version, status: response.status, headers: headers)
        if response.body.readableBytes > 0 {
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(response.body)), .end(nil)])
        } else {
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
        }
    }

    /// A request without Content-Length may still carry a body: chunked on HTTP/1.1, DATA frames on HTTP/2
    /// (where only a GET or HEAD is known to have none).
    private static func mayHaveBodyWithoutLength(_ head: HTTPRequestHead) -> Bool {
        if head.headers.contains(name: "transfer-encoding") { return true }
        return head.version.major >= 2 && head.method != .GET && head.method != .HEAD
    }

    /// Whether the version has chunked bodies: HTTP/1.1 and later.
    private static func hasChunks(_ version: HTTPVersion) -> Bool {
        version.major > 1 || (version.major == 1 && version.minor >= 1)
    }

    /// A streamed body goes out chunked; HTTP/1.0 has no chunks, so there the end of the body is the end of the
    /// connection, which the caller arranges by not keeping it alive.
    private func writeStreamed(
        _ stream: HTTPResponseStream, status: HTTPResponseStatus, headers: HTTPHeaders, version: HTTPVersion,
        channel: any Channel, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = headers
        headers.remove(name: "content-length")
        if Self.hasChunks(version) {
            headers.replaceOrAdd(name: "transfer-encoding", value: "chunked")
        } else {
            headers.replaceOrAdd(name: "connection", value: "close")
        }
        try await outbound.write(.head(HTTPResponseHead(version: version, status: status, headers: headers)))
        // A producer may wait a long time between chunks; if the peer goes meanwhile, cancel it at once rather
        // than at its next write. The task inherits this one's task-locals, graceful shutdown among them.
        let producer = Task {
            try await stream.produce(HTTPBodyWriter { chunk in try await outbound.write(.body(.byteBuffer(chunk))) })
        }
        channel.closeFuture.whenComplete { _ in producer.cancel() }
        try await withTaskCancellationHandler {
            try await producer.value
        } onCancel: {
            producer.cancel()
        }
        try await outbound.write(.end(nil))
    }
}
