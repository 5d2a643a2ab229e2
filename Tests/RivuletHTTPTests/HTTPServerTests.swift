import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RivuletHTTP
import ServiceLifecycle
import Synchronization
import Testing

/// The server over real sockets: routes, body limits, and the WebSocket upgrade, frames and close handshake as
/// RFC 6455 has them, checked byte by byte from a raw client.
@Suite(.timeLimit(.minutes(1))) struct HTTPServerTests {
    /// RFC 6455's own example: this key must be answered with this accept value.
    static let exampleKey = "dGhlIHNhbXBsZSBub25jZQ=="
    static let exampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.GET, "/hello/{name}") { request in .text(.ok, "hello \(request.pathParameters["name"] ?? "")") }
        router.add(.POST, "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        router.addWebSocket("/echo/{room}") { request, connection in
            let room = request.pathParameters["room"] ?? ""
            for try await message in connection.messages {
                switch message {
                case .text(let text): try await connection.send(.text("\(room): \(text)"))
                case .binary(let bytes): try await connection.send(.binary(bytes.reversed()))
                }
            }
        }
        router.addWebSocket("/refuse") { _, connection in
            // A reason longer than a close frame holds, in two-byte characters.
            try await connection.close(code: .policyViolation, reason: String(repeating: "é", count: 100))
            for try await _ in connection.messages {}
        }
        return router
    }

    @Test func servesRoutesOnAKeptAliveConnection() async throws {
        try await withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("GET /hello/world HTTP/1.1\r\nHost: test\r\n\r\n")
                let first = try #require(try await connection.readResponse())
                #expect(first.hasPrefix("HTTP/1.1 200 OK"))
                #expect(first.hasSuffix("hello world\n"))
                try await connection.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nabcde")
                let second = try #require(try await connection.readResponse())
                #expect(second.hasSuffix("\r\n\r\nabcde"))
                try await connection.write("DELETE /echo HTTP/1.1\r\nHost: test\r\n\r\n")
                let third = try #require(try await connection.readResponse())
                #expect(third.hasPrefix("HTTP/1.1 405"))
                #expect(third.lowercased().contains("allow: post"))
            }
        }
    }

    @Test func anOversizeBodyIsRefusedFromItsDeclaredLength() async throws {
        try await withServer(Self.router(), requestBodyBytesMax: 1_024) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\n\r\n")
                let answer = try #require(try await connection.readResponse())
                #expect(answer.hasPrefix("HTTP/1.1 413"))
            }
        }
    }

    @Test func upgradesAndEchoesAnsweringPingsAndTheClose() async throws {
        try await withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Self.upgradeRequest(path: "/echo/lobby"))
                let head = try #require(try await connection.readResponse())
                #expect(head.hasPrefix("HTTP/1.1 101 Switching Protocols"))
                #expect(head.contains("Sec-WebSocket-Accept: \(Self.exampleAccept)")
                    || head.contains("sec-websocket-accept: \(Self.exampleAccept)"))

                try await connection.write(WebSocketFrames.masked(opcode: 0x1, Array("hi".utf8)))
                let text = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(text) == 0x1)
                #expect(String(decoding: WebSocketFrames.payload(text), as: UTF8.self) == "lobby: hi")

                // A message in two fragments arrives whole.
                try await connection.write(WebSocketFrames.masked(opcode: 0x2, [1, 2], final: false))
                try await connection.write(WebSocketFrames.masked(opcode: 0x0, [3]))
                let binary = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.payload(binary) == [3, 2, 1])

                try await connection.write(WebSocketFrames.masked(opcode: 0x9, Array("are you there".utf8)))
                let pong = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(pong) == 0xA)
                #expect(WebSocketFrames.payload(pong) == Array("are you there".utf8))

                try await connection.write(WebSocketFrames.masked(opcode: 0x8, [0x03, 0xE8]))
                let close = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(close) == 0x8)
                #expect(WebSocketFrames.closeCode(close) == 1000)
                try await connection.waitForClose()
            }
        }
    }

    @Test func aMessageOverTheLimitClosesWith1009() async throws {
        try await withServer(Self.router(), webSocketMessageBytesMax: 64) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Self.upgradeRequest(path: "/echo/lobby"))
                _ = try #require(try await connection.readResponse())
                try await connection.write(WebSocketFrames.masked(opcode: 0x2, Array(repeating: 7, count: 100)))
                let close = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(close) == 0x8)
                #expect(WebSocketFrames.closeCode(close) == 1009)
            }
        }
    }

    @Test func anUpgradeToAPathWithoutASocketIsAnsweredAsAnyRequest() async throws {
        try await withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Self.upgradeRequest(path: "/hello/world"))
                let answer = try #require(try await connection.readResponse())
                #expect(answer.hasPrefix("HTTP/1.1 200"))
                #expect(answer.hasSuffix("hello world\n"))
            }
        }
    }

    @Test func anUpgradeWithoutWhatRFC6455RequiresIsToldToUpgrade() async throws {
        try await withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                let wrongVersion = Self.upgradeRequest(path: "/echo/lobby")
                    .replacingOccurrences(of: "Sec-WebSocket-Version: 13", with: "Sec-WebSocket-Version: 8")
                try await connection.write(wrongVersion)
                let answer = try #require(try await connection.readResponse())
                #expect(answer.hasPrefix("HTTP/1.1 426"))
            }
        }
    }

    @Test func aCloseReasonIsCutToWhatACloseFrameHoldsBetweenCharacters() async throws {
        try await withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Self.upgradeRequest(path: "/refuse"))
                _ = try #require(try await connection.readResponse())
                let close = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(close) == 0x8)
                #expect(WebSocketFrames.closeCode(close) == 1008)
                let reason = Array(WebSocketFrames.payload(close).dropFirst(2))
                #expect(reason.count == 122)
                #expect(String(validating: reason, as: UTF8.self) == String(repeating: "é", count: 61))
            }
        }
    }

    @Test func gracefulShutdownClosesSocketsWithGoingAway() async throws {
        let router = Self.router()
        let server = HTTPServerTests.server(router)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [server.service], logger: Self.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await server.port()
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Self.upgradeRequest(path: "/echo/lobby"))
                _ = try #require(try await connection.readResponse())
                await group.triggerGracefulShutdown()
                let close = try #require(try await connection.read(WebSocketFrames.length))
                #expect(WebSocketFrames.opcode(close) == 0x8)
                #expect(WebSocketFrames.closeCode(close) == 1001)
                try await connection.waitForClose()
            }
            // The server returns once the socket has gone.
            try await tasks.waitForAll()
        }
    }

    // MARK: Support

    static let logger = Logger(label: "http-test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func upgradeRequest(path: String) -> String {
        "GET \(path) HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(exampleKey)\r\nSec-WebSocket-Version: 13\r\n\r\n"
    }

    /// A server on a free port and a way to learn which.
    struct RunningServer {
        let service: HTTPServer
        let bound: BoundPort

        func port() async throws -> Int {
            while true {
                if let port = bound.port.withLock({ $0 }) { return port }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    static func server(
        _ router: HTTPRouter, requestBodyBytesMax: Int = 1 << 20, webSocketMessageBytesMax: Int = 1 << 20,
        connectionsMax: Int = 64, timeouts: HTTPTimeouts = HTTPTimeouts(), bodiesInFlightBytesMax: Int = 1 << 30
    ) -> RunningServer {
        let bound = BoundPort()
        let service = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: "127.0.0.1", port: 0, requestBodyBytesMax: requestBodyBytesMax, connectionsMax: connectionsMax,
                webSocketMessageBytesMax: webSocketMessageBytesMax, timeouts: timeouts,
                requestBodiesInFlightBytesMax: bodiesInFlightBytesMax),
            responder: router, logger: logger, onListening: { address in bound.set(address.port) })
        return RunningServer(service: service, bound: bound)
    }

    /// Runs the server while `body` runs against its port, then shuts it down gracefully.
    static func withServer(
        _ router: HTTPRouter, requestBodyBytesMax: Int = 1 << 20, webSocketMessageBytesMax: Int = 1 << 20,
        connectionsMax: Int = 64, timeouts: HTTPTimeouts = HTTPTimeouts(), bodiesInFlightBytesMax: Int = 1 << 30,
        _ body: (Int) async throws -> Void
    ) async throws {
        let server = Self.server(
            router, requestBodyBytesMax: requestBodyBytesMax, webSocketMessageBytesMax: webSocketMessageBytesMax,
            connectionsMax: connectionsMax, timeouts: timeouts, bodiesInFlightBytesMax: bodiesInFlightBytesMax)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [server.service], logger: Self.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body(try await server.port())
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    private func withServer(
        _ router: HTTPRouter, requestBodyBytesMax: Int = 1 << 20, webSocketMessageBytesMax: Int = 1 << 20,
        _ body: (Int) async throws -> Void
    ) async throws {
        try await Self.withServer(
            router, requestBodyBytesMax: requestBodyBytesMax, webSocketMessageBytesMax: webSocketMessageBytesMax, body)
    }
}

/// Where the server said it listens; set from the listening callback.
final class BoundPort: Sendable {
    let port = Mutex<Int?>(nil)

    func set(_ value: Int?) {
        port.withLock { $0 = value }
    }
}
