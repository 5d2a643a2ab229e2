/// A response body produced over time, such as SubscribeToShard's events. The HTTP layer calls `produce` once the
/// head is written and ends the body when it returns; a write suspends while the peer is not reading, so a slow
/// reader holds the producer back instead of growing a buffer.
public struct HTTPResponseStream: Sendable {
    public typealias Produce = @Sendable (HTTPBodyWriter) async throws -> Void

    let produce: Produce

    public init(_ produce: @escaping Produce) {
        self.produce = produce
    }
}
