import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct EventStreamTests {
    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func messagesRoundTripWhateverTheChunking() throws {
        let messages = [
            EventStreamMessage.event("initial-response", contentType: "application/x-amz-json-1.1", payload: Array("{}".utf8)),
            EventStreamMessage.event("SubscribeToShardEvent", contentType: "application/x-amz-cbor-1.1",
                                     payload: (0..<5000).map { UInt8(truncatingIfNeeded: $0) }),
            EventStreamMessage(
                headers: [
                    EventStreamHeader("flag", .boolean(false)), EventStreamHeader("byte", .byte(-3)),
                    EventStreamHeader("short", .short(-300)), EventStreamHeader("int", .integer(70_000)),
                    EventStreamHeader("long", .long(-5_000_000_000)), EventStreamHeader("bytes", .bytes([1, 2])),
                    EventStreamHeader("when", .timestamp(1_700_000_000_123)),
                    EventStreamHeader("id", .uuid(Array(0..<16))),
                ],
                payload: []),
            EventStreamMessage.exception("ResourceInUseException", contentType: "application/x-amz-json-1.1",
                                         payload: Array(#"{"message":"taken"}"#.utf8)),
        ]
        let bytes = messages.flatMap { $0.encoded() }
        for chunkSize in [1, 7, 64, bytes.count] {
            var decoder = EventStreamDecoder()
            var decoded: [EventStreamMessage] = []
            var offset = 0
            while offset < bytes.count {
                decoder.append(bytes[offset..<min(bytes.count, offset + chunkSize)])
                offset += chunkSize
                while let message = try decoder.next() { decoded.append(message) }
            }
            #expect(decoded == messages)
        }
    }

    @Test func theFramingMatchesItsDefinition() {
        let message = EventStreamMessage.event("x", contentType: "y", payload: [0xAB])
        let bytes = message.encoded()
        let total = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let headers = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        #expect(total == bytes.count)
        #expect(total == 16 + headers + 1)
        #expect(bytes[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == CRC32.checksum(bytes[0..<8]))
        #expect(bytes[(bytes.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            == CRC32.checksum(bytes[0..<(bytes.count - 4)]))
    }

    @Test func corruptionIsDetected() throws {
        var bytes = EventStreamMessage.event("x", contentType: "y", payload: Array("hello".utf8)).encoded()
        for index in [2, 9, 20, bytes.count - 6, bytes.count - 1] {
            var corrupted = bytes
            corrupted[index] ^= 0x40
            var decoder = EventStreamDecoder()
            decoder.append(corrupted)
            #expect(throws: EventStreamError.self) { _ = try decoder.next() }
        }
        bytes.removeLast()
        var decoder = EventStreamDecoder()
        decoder.append(bytes)
        // A message cut short is not an error: its end has not arrived yet.
        let incomplete = try decoder.next()
        #expect(incomplete == nil)
    }
}
