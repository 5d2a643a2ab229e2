import NIOCore

/// Closes an HTTP/2 connection once the server has sent GOAWAY for a connection error. NIO's HTTP/2 handler sends
/// the GOAWAY and reports the error, but leaves the connection open and keeps reading, answering every further bad
/// frame with another GOAWAY while what the peer sends piles up. Sitting between the socket (or TLS) and the HTTP/2
/// handler, this handler reads the frame headers of the bytes going out; when one is a GOAWAY with an error code, it
/// stops passing inbound bytes on and closes the connection once the GOAWAY has been written. A GOAWAY with
/// NO_ERROR (a graceful goodbye) changes nothing.
final class HTTP2ConnectionErrorCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// HTTP/2 frame header: length (24 bits), type, flags, stream id (32 bits).
    private static let frameHeaderBytes = 9
    private static let goAwayType: UInt8 = 0x7
    /// A GOAWAY payload opens with the last stream id (4 bytes), then the error code (4 bytes).
    private static let goAwayErrorCodeEnd = 8

    /// Where the outbound byte stream is: collecting a frame header, collecting the start of a GOAWAY's payload,
    /// or skipping the rest of a frame.
    private enum Position {
        case header([UInt8])
        case goAwayPayload([UInt8], frameLength: Int)
        case skipping(Int)
    }

    private var position = Position.header([])
    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !closing else {
            // Only the first GOAWAY goes out; the handler answers each later bad frame with one more.
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        let sawError = scan(unwrapOutboundIn(data))
        guard sawError else {
            context.write(data, promise: promise)
            return
        }
        closing = true
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.whenComplete { _ in context.close(promise: nil) }
        context.write(data, promise: written)
    }

    /// Follows the frames in `bytes`; true when a GOAWAY with a nonzero error code is among them.
    private func scan(_ bytes: ByteBuffer) -> Bool {
        var view = bytes.readableBytesView[...]
        var sawError = false
        while !view.isEmpty {
            switch position {
            case .skipping(let remaining):
                let taken = min(remaining, view.count)
                view = view.dropFirst(taken)
                position = remaining == taken ? .header([]) : .skipping(remaining - taken)
            case .header(var header):
                let taken = min(Self.frameHeaderBytes - header.count, view.count)
                header.append(contentsOf: view.prefix(taken))
                view = view.dropFirst(taken)
                guard header.count == Self.frameHeaderBytes else {
                    position = .header(header)
                    continue
                }
                let length = Int(header[0]) << 16 | Int(header[1]) << 8 | Int(header[2])
                if header[3] == Self.goAwayType, length >= Self.goAwayErrorCodeEnd {
                    position = .goAwayPayload([], frameLength: length)
                } else {
                    position = length == 0 ? .header([]) : .skipping(length)
                }
            case .goAwayPayload(var payload, let frameLength):
                let taken = min(Self.goAwayErrorCodeEnd - payload.count, view.count)
                payload.append(contentsOf: view.prefix(taken))
                view = view.dropFirst(taken)
                guard payload.count == Self.goAwayErrorCodeEnd else {
                    position = .goAwayPayload(payload, frameLength: frameLength)
                    continue
                }
                if payload[4...].contains(where: { $0 != 0 }) { sawError = true }
                let rest = frameLength - Self.goAwayErrorCodeEnd
                position = rest == 0 ? .header([]) : .skipping(rest)
            }
        }
        return sawError
    }
}
