import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct JSONWriterTests {
    private func text(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func writesCompactJSONWithSeparators() {
        let written = text { writer in
            writer.beginObject()
            writer.key("A")
            writer.integer(-12)
            writer.key("B")
            writer.beginArray()
            writer.boolean(true)
            writer.string("x")
            writer.beginObject()
            writer.endObject()
            writer.beginArray()
            writer.endArray()
            writer.endArray()
            writer.key("C")
            writer.double(1.5)
            writer.key("D")
            writer.double(3)
            writer.endObject()
        }
        #expect(written == #"{"A":-12,"B":[true,"x",{},[]],"C":1.5,"D":3.0}"#)
    }

    @Test func escapesStrings() {
        let written = text { $0.string("q\"b\\n\n\t\u{1}é😀") }
        #expect(written == #""q\"b\\n\n\t\u0001é😀""#)
        let key = text { writer in
            writer.beginObject()
            writer.key("a\"b" as String)
            writer.integer(Int64.min)
            writer.endObject()
        }
        #expect(key == #"{"a\"b":-9223372036854775808}"#)
    }

    @Test(arguments: [
        (Int64(1_700_000_000_123), "1700000000.123"), (1_700_000_000_120, "1700000000.12"),
        (1_700_000_000_000, "1700000000.0"), (1_700_000_000_001, "1700000000.001"), (0, "0.0"), (-1, "-0.001"),
        (-1500, "-1.5"),
    ])
    func writesTimestampsAsSecondsWithoutExponent(milliseconds: Int64, expected: String) throws {
        let written = text { $0.timestamp(WireTimestamp(epochMilliseconds: milliseconds)) }
        #expect(written == expected)
        let parsed = try JSONCodec.parse(Array(written.utf8))
        #expect(WireTimestamp(wire: parsed) == WireTimestamp(epochMilliseconds: milliseconds))
    }

    @Test func encodesBlobsAsBase64() throws {
        for length in 0..<64 {
            let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let written = text { $0.blob(data) }
            guard case .string(let encoded) = try JSONCodec.parse(Array(written.utf8)) else {
                Issue.record("blob is not a string")
                return
            }
            #expect(try Base64Blob.decode(encoded) == data)
        }
        #expect(text { $0.blob(Array("hello".utf8)) } == #""aGVsbG8=""#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let written = text { writer in
            writer.beginObject()
            writer.key("Nested")
            writer.beginArray()
            writer.integer(Int64.max)
            writer.string("é")
            writer.endArray()
            writer.endObject()
        }
        let expected = WireValue.object(
            WireObject([.init(name: "Nested", value: .array([.integer(.max), .string("é")]))]))
        #expect(try JSONCodec.parse(Array(written.utf8)) == expected)
    }
}
