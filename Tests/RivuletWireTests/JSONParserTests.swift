import RivuletCore
import Testing

@testable import RivuletWire

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(KinesisError) -> WireValue {
        try JSONCodec.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" { "a" : [1, -2, 3.5, true, false, null, "x"], "b": {} } "#)
        let expected = WireValue.object(
            WireObject([
                .init(
                    name: "a",
                    value: .array([.integer(1), .integer(-2), .double(3.5), .bool(true), .bool(false), .null, .string("x")])),
                .init(name: "b", value: .object(WireObject())),
            ]))
        #expect(value == expected)
    }

    @Test func keepsSixtyFourBitIntegersExact() throws {
        #expect(try parse("9223372036854775807") == .integer(.max))
        #expect(try parse("-9223372036854775808") == .integer(.min))
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("-0.25E-2") == .double(-0.0025))
        #expect(try parse("0") == .integer(0))
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00""#) == .string("é中😀"))
        #expect(try parse("\"é中😀\"") == .string("é中😀"))
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "-", "1.", ".5", "1e", "+1", "tru", "nul",
        "\"unterminated", "\"bad \\x escape\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\u12G4\"", "{\"a\" 1}",
        "[1 2]", "1 2", "NaN", "Infinity", "{\"a\":1}x", "\"tab\there\"", "1e999",
    ])
    func refusesMalformedDocuments(_ text: String) {
        #expect(throws: KinesisError(.serializationException, "")) { try parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: KinesisError(.serializationException, "")) {
            try JSONCodec.parse([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        }
    }

    @Test func boundsNesting() throws {
        let limit = Limits.bodyNestingDepthMax
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        _ = try parse(deepest)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: KinesisError(.serializationException, "")) { try parse(tooDeep) }
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: KinesisError(.serializationException, "")) { try parse(hostile) }
    }

    @Test func lastRepeatedMemberWins() throws {
        guard case .object(let object) = try parse(#"{"a":1,"a":2}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(object["a"] == .integer(2))
    }

    /// Requests keep the first `Limits.bodyArrayElementsKeptMax` elements of a list (enough for its length
    /// constraint to refuse it); answers keep every one, since GetRecords may carry 10,000 records.
    @Test func onlyRequestsDropTheTailOfALongList() throws {
        let text = "[" + Array(repeating: "1", count: 5_000).joined(separator: ",") + "]"
        let bytes = Array(text.utf8)
        guard case .array(let whole) = try parse(text) else {
            Issue.record("not an array")
            return
        }
        #expect(whole.count == 5_000)
        let request = try bytes.withUnsafeBytes { try WireFormat.json.parseRequest($0) }
        guard case .array(let kept) = request else {
            Issue.record("not an array")
            return
        }
        #expect(kept.count == Limits.bodyArrayElementsKeptMax)
    }
}
