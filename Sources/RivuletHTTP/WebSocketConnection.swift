import NIOCore
import NIOWebSocket
import Synchronization

/// A WebSocket connection as a handler uses it: whole messages in (`messages`), messages out (`send`), and a close
/// handshake. Pings are answered and a peer's close is returned without the handler's help. Frames and whole
/// messages are bounded by the server's `webSocketMessageBytesMax`; a larger one closes the connection with 1009.
public final class WebSocketConnection: Sendable {
    private let inbound: NIOAsyncChannelInboundStream<WebSocketFrame>
    private let outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    private let closeSent = Atomic<Bool>(false)

    init(
        inbound: NIOAsyncChannelInboundStream<WebSocketFrame>, outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// The messages the peer sends, until it closes the connection (or breaks the protocol, which closes it). Read
    /// them from one task only, once.
    public var messages: WebSocketMessages { WebSocketMessages(connection: self, frames: inbound) }

    /// Sends one message as one frame. Suspends while the peer is not reading.
    public func send(_ message: WebSocketMessage) async throws {
        switch message {
        case .text(let text):
            try await outbound.write(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text)))
        case .binary(let bytes):
            try await outbound.write(WebSocketFrame(fin: true, opcode: .binary, data: ByteBuffer(bytes: bytes)))
        }
    }

    /// Starts the close handshake with `code` and a short reason; later messages from the peer are discarded. Only
    /// the first close is sent.
    public func close(code: WebSocketErrorCode = .normalClosure, reason: String = "") async throws {
        guard !closeSent.exchange(true, ordering: .relaxed) else { return }
        var data = ByteBuffer()
        data.write(webSocketErrorCode: code)
        // A close frame's payload is at most 125 bytes, two of them the code; the reason is cut between characters.
        var kept = 0
        for character in reason {
            guard kept + character.utf8.count <= 123 else { break }
            kept += character.utf8.count
        }
        data.writeBytes(reason.utf8.prefix(kept))
        try await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))
    }

    var hasSentClose: Bool { closeSent.load(ordering: .relaxed) }

    /// Records that a close went out another way (the server's own, at shutdown), so none follows it.
    func markCloseSent() {
        closeSent.store(true, ordering: .relaxed)
    }

    func pong(_ data: ByteBuffer) async throws {
        try await outbound.write(WebSocketFrame(fin: true, opcode: .pong, data: data))
    }
}
