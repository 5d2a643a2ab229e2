import AsyncHTTPClient
import NIOCore

/// A response body as chunks: streamed from the connection, or already whole (a test's scripted answer). A
/// connection failing while the body streams is reported as the transport reports its failures.
public struct AWSResponseBody: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    typealias FailureMapping = @Sendable (any Error) -> any Error

    enum Source: Sendable {
        case whole(ByteBuffer)
        case connection(HTTPClientResponse.Body, FailureMapping)
    }

    let source: Source

    init(_ source: Source) {
        self.source = source
    }

    /// A body that is already complete.
    public init(bytes: some Sequence<UInt8>) {
        source = .whole(ByteBuffer(bytes: bytes))
    }

    /// The whole body, refusing one over `bytesMax` as soon as it passes that size.
    public func collect(upTo bytesMax: Int) async throws -> ByteBuffer {
        switch source {
        case .whole(let buffer):
            guard buffer.readableBytes <= bytesMax else { throw NIOTooManyBytesError(maxBytes: bytesMax) }
            return buffer
        case .connection(let body, let mapFailure):
            do {
                return try await body.collect(upTo: bytesMax)
            } catch let error as NIOTooManyBytesError {
                throw error
            } catch {
                throw mapFailure(error)
            }
        }
    }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .whole(let buffer): Iterator(whole: buffer)
        case .connection(let body, let mapFailure): Iterator(connection: body.makeAsyncIterator(), mapFailure: mapFailure)
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        var whole: ByteBuffer?
        var connection: HTTPClientResponse.Body.AsyncIterator?
        var mapFailure: FailureMapping = { $0 }

        init(whole: ByteBuffer) {
            self.whole = whole
        }

        init(connection: HTTPClientResponse.Body.AsyncIterator, mapFailure: @escaping FailureMapping) {
            self.connection = connection
            self.mapFailure = mapFailure
        }

        public mutating func next() async throws -> ByteBuffer? {
            if let buffer = whole {
                whole = nil
                return buffer.readableBytes > 0 ? buffer : nil
            }
            do {
                return try await connection?.next()
            } catch {
                throw mapFailure(error)
            }
        }
    }
}
