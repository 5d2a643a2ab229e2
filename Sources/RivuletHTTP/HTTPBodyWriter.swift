import NIOCore

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
