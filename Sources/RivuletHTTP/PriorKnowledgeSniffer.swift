import NIOCore

/// Tells HTTP/2 with prior knowledge from HTTP/1.1 on a plain port by the first bytes a client sends: HTTP/2 opens
/// with a fixed 24-byte preface (`PRI * HTTP/2.0...`), which no HTTP/1 request starts with. Once the bytes decide,
/// the pipeline is configured for that protocol, the bytes read so far are passed on, and this handler leaves.
final class PriorKnowledgeSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    private let decided: EventLoopPromise<ServedConnection>
    private let setup: ServedConnection.Setup
    private var buffered: ByteBuffer?
    private var done = false

    init(decided: EventLoopPromise<ServedConnection>, setup: ServedConnection.Setup) {
        self.decided = decided
        self.setup = setup
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        guard !done else {
            context.fireChannelRead(data)
            return
        }
        var bytes = buffered ?? context.channel.allocator.buffer(capacity: chunk.readableBytes)
        bytes.writeBuffer(&chunk)
        buffered = bytes
        guard let isHTTP2 = Self.classify(bytes) else { return }
        done = true
        do {
            let connection = isHTTP2
                ? try setup.configureHTTP2(context.channel)
                : try setup.configureHTTP1(context.channel)
            buffered = nil
            context.fireChannelRead(wrapInboundOut(bytes))
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            decided.succeed(connection)
        } catch {
            decided.fail(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !done {
            done = true
            decided.fail(ChannelError.eof)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !done {
            done = true
            decided.fail(error)
        }
        context.close(promise: nil)
    }

    /// True for HTTP/2, false for HTTP/1, nil while the bytes so far agree with the preface but are fewer.
    static func classify(_ bytes: ByteBuffer) -> Bool? {
        let count = min(bytes.readableBytes, preface.count)
        guard let start = bytes.getBytes(at: bytes.readerIndex, length: count) else { return nil }
        guard start.elementsEqual(preface[..<count]) else { return false }
        return count == preface.count ? true : nil
    }
}
