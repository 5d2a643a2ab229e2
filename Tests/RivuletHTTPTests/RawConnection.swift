import NIOCore
import NIOPosix

/// A client that speaks bytes over a real socket, so the tests see exactly what the server writes: status lines,
/// headers, WebSocket frames. Reads wait as long as it takes; the tests bound themselves with time limits.
final class RawConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []
    /// Whether the server closed the connection.
    private(set) var closed = false

    /// Connects to the server on `port` and runs `body` with the connection, which is closed after.
    static func with<Result: Sendable>(
        port: Int, _ body: (RawConnection) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    func write(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    func write(_ text: String) async throws {
        try await write(Array(text.utf8))
    }

    /// Reads until `length` finds a complete unit at the front of what arrived (it returns the unit's length);
    /// returns the unit and keeps the rest. nil when the server closes first.
    func read(_ length: ([UInt8]) -> Int?) async throws -> [UInt8]? {
        while true {
            if let count = length(pending) {
                let unit = Array(pending.prefix(count))
                pending.removeFirst(count)
                return unit
            }
            guard !closed, let chunk = try await inbound.next() else {
                closed = true
                return nil
            }
            pending.append(contentsOf: chunk.readableBytesView)
        }
    }

    /// Reads one HTTP/1.1 response head, and its body when it has a Content-Length.
    func readResponse() async throws -> String? {
        let unit = try await read { bytes in
            let separator = Array("\r\n\r\n".utf8)
            guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
            let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
            let lengthLine = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            let length = lengthLine.flatMap { Int($0.dropFirst("content-length:".count).trimmingPrefix(" ")) } ?? 0
            let total = end + separator.count + length
            return bytes.count >= total ? total : nil
        }
        return unit.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `piece(n)` every `interval`, up to `count` times, until a write fails because the server closed the
    /// connection; true if it did.
    func trickle(every interval: Duration, count: Int, _ piece: (Int) -> String) async throws -> Bool {
        for index in 0..<count {
            try await Task.sleep(for: interval)
            do {
                try await write(piece(index))
            } catch {
                return true
            }
        }
        return false
    }

    /// Everything the server sends until it closes the connection.
    func readUntilClose() async throws -> [UInt8] {
        var received = pending
        pending = []
        while !closed {
            // A reset ends the connection as a close does.
            guard let chunk = try? await inbound.next() else {
                closed = true
                break
            }
            received.append(contentsOf: chunk.readableBytesView)
        }
        return received
    }

    /// Waits until the server closes the connection, discarding what it sends.
    func waitForClose() async throws {
        while !closed {
            if try await inbound.next() == nil { closed = true }
        }
    }
}
