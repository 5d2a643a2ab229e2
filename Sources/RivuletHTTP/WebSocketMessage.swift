/// One whole message received or sent on a WebSocket: fragments are joined before a handler sees them.
public enum WebSocketMessage: Sendable, Equatable {
    case text(String)
    case binary([UInt8])
}
