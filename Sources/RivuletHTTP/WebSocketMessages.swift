import NIOCore
import NIOWebSocket

/// The messages a WebSocket peer sends, as an async sequence: text (checked to be UTF-8) and binary messages.
/// Control frames are handled on the way: a ping is answered with a pong, a close is answered with a close and
/// ends the sequence; a protocol fault or an oversize message closes the connection with the matching code and
/// ends it too.
public struct WebSocketMessages: AsyncSequence, Sendable {
    public typealias Element = WebSocketMessage

    let connection: WebSocketConnection
    let frames: NIOAsyncChannelInboundStream<WebSocketFrame>

    public func makeAsyncIterator() -> Iterator {
        Iterator(connection: connection, frames: frames.makeAsyncIterator())
    }

    public struct Iterator: AsyncIteratorProtocol {
        let connection: WebSocketConnection
        var frames: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
        var ended = false

        public mutating func next() async throws -> WebSocketMessage? {
            while !ended {
                let frame: WebSocketFrame?
                do {
                    frame = try await frames.next()
                } catch let error as NIOWebSocketFrameAggregator.Error {
                    let tooLarge = error == .accumulatedFrameSizeIsTooLarge
                    return try await end(closing: tooLarge ? .messageTooLarge : .protocolError)
                } catch NIOWebSocketError.invalidFrameLength {
                    return try await end(closing: .messageTooLarge)
                }
                guard let frame else { return nil }
                if connection.hasSentClose && frame.opcode != .connectionClose { continue }
                switch frame.opcode {
                case .text:
                    guard let text = String(validating: frame.unmaskedData.readableBytesView, as: UTF8.self) else {
                        return try await end(closing: .dataInconsistentWithMessage)
                    }
                    return .text(text)
                case .binary:
                    return .binary(Array(frame.unmaskedData.readableBytesView))
                case .ping:
                    try await connection.pong(frame.unmaskedData)
                case .pong:
                    continue
                case .connectionClose:
                    // Answer with the peer's own code, as RFC 6455 suggests; the handler sees the end.
                    var data = frame.unmaskedData
                    let code = data.readWebSocketErrorCode() ?? .normalClosure
                    return try await end(closing: code)
                default:
                    return try await end(closing: .protocolError)
                }
            }
            return nil
        }

        private mutating func end(closing code: WebSocketErrorCode) async throws -> WebSocketMessage? {
            ended = true
            try? await connection.close(code: code)
            return nil
        }
    }
}
