/// Serves one WebSocket connection: called once the upgrade is done with the upgrade request (no body, the route's
/// path parameters set) and the connection. When it returns (or throws), the connection is closed; a close the
/// handler did not send itself goes out as a normal closure (1000), or 1011 after an error.
public typealias WebSocketHandler = @Sendable (HTTPRequest, WebSocketConnection) async throws -> Void
