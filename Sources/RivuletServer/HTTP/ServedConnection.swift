import NIOCore
import NIOHTTP1
import NIOHTTP2

/// One accepted connection once its protocol is known: HTTP/1.1, or HTTP/2 (prior knowledge on the plain port, or
/// ALPN `h2` on TLS), whose streams each carry one request in HTTP/1's request and response parts.
enum ServedConnection: Sendable {
    typealias RequestChannel = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    case http1(RequestChannel)
    case http2(connection: any Channel, streams: NIOHTTP2Handler.AsyncStreamMultiplexer<RequestChannel>)

    var channel: any Channel {
        switch self {
        case .http1(let requests): requests.channel
        case .http2(let connection, _): connection
        }
    }

    /// Makes `channel` speak HTTP/1.1; call on its event loop.
    static func configureHTTP1(_ channel: any Channel) throws -> ServedConnection {
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
        return .http1(try RequestChannel(wrappingChannelSynchronously: channel))
    }

    /// Makes `channel` speak HTTP/2, each inbound stream translated to HTTP/1's parts; call on its event loop.
    static func configureHTTP2(_ channel: any Channel) throws -> ServedConnection {
        let streams = try channel.pipeline.syncOperations.configureAsyncHTTP2Pipeline(mode: .server) { stream in
            stream.eventLoop.makeCompletedFuture {
                try stream.pipeline.syncOperations.addHandler(HTTP2FramePayloadToHTTP1ServerCodec())
                return try RequestChannel(wrappingChannelSynchronously: stream)
            }
        }
        return .http2(connection: channel, streams: streams)
    }
}
