import NIOCore

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

/// Writes chunks of a streamed body. A write throws once the peer has gone, which ends the producer.
public struct HTTPBodyWriter: Sendable {
    private let writeChunk: @Sendable (ByteBuffer) async throws -> Void

    public init(_ writeChunk: @escaping @Sendable (ByteBuffer) async throws -> Void) {
        self.writeChunk = writeChunk
    }

    public func write(_ chunk: ByteBuffer) async throws {
        try await writeChunk(chunk)
    }
}
