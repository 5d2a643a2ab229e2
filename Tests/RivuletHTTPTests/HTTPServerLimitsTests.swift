import NIOCore
import RivuletHTTP
import Testing

/// What the server does with clients that do not play along: connections that idle, stall in a head or a body, or
/// crowd the connection limit are closed; HTTP/2 connection errors end the connection; and large answers arrive
/// whole whichever way the connection ends.
@Suite(.timeLimit(.minutes(1))) struct HTTPServerLimitsTests {
    /// Every limit long but the one a test is about, which is short, so each test waits well under a second for
    /// the server to act and a slow, loaded machine cannot trip another limit first.
    static func only(_ shorten: (inout HTTPTimeouts) -> Void) -> HTTPTimeouts {
        let long = TimeAmount.seconds(600)
        var timeouts = HTTPTimeouts(
            idle: long, crowdedIdle: long, requestHead: long, requestBodyIdle: long, requestBodyGrace: long,
            requestBodyBytesPerSecondMin: 1, writeStall: long)
        shorten(&timeouts)
        return timeouts
    }

    static let bigBodyBytes = 24 * 1024 * 1024

    static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.GET, "/hello") { _ in .text(.ok, "hello") }
        router.add(.POST, "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        router.add(.GET, "/big") { _ in
            var body = ByteBuffer()
            body.writeRepeatingByte(UInt8(ascii: "x"), count: bigBodyBytes)
            return HTTPResponse(status: .ok, body: body)
        }
        return router
    }

    @Test func anIdleKeptAliveConnectionIsClosed() async throws {
        let timeouts = Self.only { $0.idle = .milliseconds(400) }
        try await HTTPServerTests.withServer(Self.router(), timeouts: timeouts) { port in
            try await RawConnection.with(port: port) { connection in
                // On a loaded machine the connection may idle out before the request is even written.
                if (try? await connection.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")) != nil,
                    let answer = try await connection.readResponse()
                {
                    #expect(answer.hasPrefix("HTTP/1.1 200"))
                }
                try await connection.waitForClose()
            }
        }
    }

    @Test func aHalfSentHeadIsClosedEvenWhileBytesTrickleIn() async throws {
        let timeouts = Self.only { $0.requestHead = .milliseconds(400) }
        try await HTTPServerTests.withServer(Self.router(), timeouts: timeouts) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("GET /hello HTTP/1.1\r\nHost: test\r\n")
                // A header line every so often keeps bytes coming but never finishes the head.
                let closed = try await connection.trickle(every: .milliseconds(100), count: 200) { "X-Slow-\($0): 1\r\n" }
                #expect(closed)
            }
        }
    }

    @Test func aBodyThatStopsShortIsClosed() async throws {
        let timeouts = Self.only { $0.requestBodyIdle = .milliseconds(400) }
        try await HTTPServerTests.withServer(Self.router(), timeouts: timeouts) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n0123456789")
                try await connection.waitForClose()
            }
        }
    }

    @Test func aChunkThatNeverArrivesIsClosed() async throws {
        let timeouts = Self.only { $0.requestBodyIdle = .milliseconds(400) }
        try await HTTPServerTests.withServer(Self.router(), timeouts: timeouts) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(
                    "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nab")
                try await connection.waitForClose()
            }
        }
    }

    @Test func aBodyTooSlowOnAverageIsClosed() async throws {
        let timeouts = Self.only {
            $0.requestBodyGrace = .milliseconds(400)
            $0.requestBodyBytesPerSecondMin = 1024
        }
        try await HTTPServerTests.withServer(Self.router(), timeouts: timeouts) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n")
                // A byte every 50 ms never trips the stall limit, but is far below 1 KiB/s.
                let closed = try await connection.trickle(every: .milliseconds(50), count: 400) { _ in "x" }
                #expect(closed)
            }
        }
    }

    @Test func atTheLimitTheLongestIdleConnectionMakesRoom() async throws {
        let patient = Self.only { _ in }
        try await HTTPServerTests.withServer(Self.router(), connectionsMax: 3, timeouts: patient) { port in
            try await RawConnection.with(port: port) { oldest in
                try await oldest.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                _ = try await oldest.readResponse()
                try await RawConnection.with(port: port) { second in
                    try await second.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                    _ = try await second.readResponse()
                    try await RawConnection.with(port: port) { third in
                        try await third.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                        _ = try await third.readResponse()
                        try await RawConnection.with(port: port) { newcomer in
                            try await newcomer.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                            #expect(try await newcomer.readResponse()?.hasPrefix("HTTP/1.1 200") == true)
                        }
                        try await oldest.waitForClose()
                        try await third.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                        #expect(try await third.readResponse()?.hasPrefix("HTTP/1.1 200") == true)
                    }
                }
            }
        }
    }

    @Test func bodiesBeyondTheSharedBudgetWaitTheirTurn() async throws {
        try await HTTPServerTests.withServer(Self.router(), bodiesInFlightBytesMax: 1_000) { port in
            try await RawConnection.with(port: port) { first in
                // The first request holds 800 of the 1,000 bytes while its body is half sent.
                try await first.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 800\r\n\r\n")
                try await first.write(String(repeating: "a", count: 400))
                try await RawConnection.with(port: port) { second in
                    let body = String(repeating: "b", count: 800)
                    try await second.write("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 800\r\n\r\n\(body)")
                    try await first.write(String(repeating: "a", count: 400))
                    let firstAnswer = try #require(try await first.readResponse())
                    #expect(firstAnswer.hasSuffix(String(repeating: "a", count: 800)))
                    let secondAnswer = try #require(try await second.readResponse())
                    #expect(secondAnswer.hasSuffix(body))
                }
            }
        }
    }

    @Test(arguments: [
        "GET /big HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
        "GET /big HTTP/1.0\r\nHost: test\r\n\r\n",
    ])
    func aLargeAnswerArrivesWholeBeforeTheConnectionCloses(request: String) async throws {
        try await HTTPServerTests.withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(request)
                let received = try await connection.readUntilClose()
                let (declared, bodyBytes) = try #require(Self.declaredAndReceived(received))
                #expect(declared == Self.bigBodyBytes)
                #expect(bodyBytes == Self.bigBodyBytes)
            }
        }
    }

    @Test func aLargeAnswerArrivesWholeOnAKeptAliveConnection() async throws {
        try await HTTPServerTests.withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write("GET /big HTTP/1.1\r\nHost: test\r\n\r\n")
                let answer = try #require(try await connection.readResponse())
                #expect(answer.utf8.count > Self.bigBodyBytes)
                try await connection.write("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n")
                #expect(try await connection.readResponse()?.hasPrefix("HTTP/1.1 200") == true)
            }
        }
    }

    @Test func anHTTP2ConnectionErrorEndsTheConnectionAfterOneGoAway() async throws {
        try await HTTPServerTests.withServer(Self.router()) { port in
            try await RawConnection.with(port: port) { connection in
                try await connection.write(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8))
                try await connection.write(Self.frame(type: 0x4, streamID: 0, payload: []))
                // DATA on stream 0 is a connection error (RFC 9113, 6.1), sent many times over.
                let dataOnRootStream = Self.frame(type: 0x0, streamID: 0, payload: Array(repeating: 0x61, count: 64))
                try await connection.write(Array(repeating: dataOnRootStream, count: 200).flatMap { $0 })
                let received = try await connection.readUntilClose()
                let goAways = Self.frameTypes(in: received).filter { $0 == 0x7 }.count
                // The GOAWAY may be lost to the reset a close with unread bytes causes; never more than one.
                #expect(goAways <= 1)
            }
        }
    }

    // MARK: Helpers

    /// The Content-Length an HTTP/1 answer declared and how many body bytes followed its head.
    static func declaredAndReceived(_ bytes: [UInt8]) -> (Int, Int)? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let declared = Int(line.dropFirst("content-length:".count).trimmingPrefix(" "))
        else { return nil }
        return (declared, bytes.count - end - separator.count)
    }

    static func frame(type: UInt8, streamID: UInt32, payload: [UInt8]) -> [UInt8] {
        let length = payload.count
        return [UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF), type, 0]
            + withUnsafeBytes(of: streamID.bigEndian, Array.init) + payload
    }

    static func frameTypes(in bytes: [UInt8]) -> [UInt8] {
        var types: [UInt8] = []
        var offset = 0
        while offset + 9 <= bytes.count {
            let length = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
            types.append(bytes[offset + 3])
            offset += 9 + length
        }
        return types
    }
}
