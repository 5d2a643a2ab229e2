import RivuletCore
import Testing

@testable import RivuletAgent

@Suite struct ConfigurationJSONParserTests {
    private func parseError(_ text: String, nestingDepthMax: Int = 64) -> JSONParseError? {
        do throws(JSONParseError) {
            _ = try JSONDocumentParser.parse(text, nestingDepthMax: nestingDepthMax)
            return nil
        } catch {
            return error
        }
    }

    @Test func keepsMemberOrderAndNumberLiterals() throws {
        let value = try JSONDocumentParser.parse(#"{"z": 1.50, "a": -2e3, "m": [true, false, null], "big": 123456789012345678901234567890}"#)
        #expect(
            value
                == .object([
                    JSONMember(key: "z", value: .number("1.50")),
                    JSONMember(key: "a", value: .number("-2e3")),
                    JSONMember(key: "m", value: .array([.bool(true), .bool(false), .null])),
                    JSONMember(key: "big", value: .number("123456789012345678901234567890")),
                ]))
    }

    @Test func acceptsLineAndBlockComments() throws {
        let text = """
            // leading comment
            {
              /* block
                 over lines */ "a": 1, // trailing
              "b": /* inside */ "x"
            }
            /* after */
            """
        let value = try JSONDocumentParser.parse(text)
        #expect(value == .object([JSONMember(key: "a", value: .number("1")), JSONMember(key: "b", value: .string("x"))]))
    }

    @Test func refusesHashCommentsAsJacksonDoes() {
        let error = parseError("{\n# note\n\"a\": 1}")
        #expect(error?.line == 2)
        #expect(error?.column == 1)
    }

    @Test func refusesCommentsWhenAskedTo() {
        #expect(throws: JSONParseError.self) { try JSONDocumentParser.parse("[1] // x", allowsComments: false) }
    }

    @Test func reportsAnUnclosedBlockCommentWhereItStarts() {
        let error = parseError("{\"a\": 1} /* never closed")
        #expect(error == JSONParseError(message: "the comment is not closed with */", line: 1, column: 10))
    }

    @Test func decodesEscapes() throws {
        let value = try JSONDocumentParser.parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d", "caf\u00E9"]"#)
        #expect(value == .array([.string("\"\\/\u{08}\u{0C}\n\r\t"), .string("é中"), .string("café")]))
    }

    @Test func joinsSurrogatePairs() throws {
        let value = try JSONDocumentParser.parse(#""\ud83d\ude00 \uD834\uDD1E""#)
        #expect(value == .string("😀 𝄞"))
    }

    @Test func refusesLoneSurrogates() {
        #expect(parseError(#""\ud83d""#)?.message.contains("without its second") == true)
        #expect(parseError(#""\ud83dx""#)?.message.contains("without its second") == true)
        #expect(parseError(#""\ud83d\u0041""#)?.message.contains("without its second") == true)
        #expect(parseError(#""\ude00""#)?.message.contains("without its first") == true)
    }

    @Test func refusesBadEscapesAndRawControlCharacters() {
        #expect(parseError(#""\x""#) != nil)
        #expect(parseError(#""\u12G4""#) != nil)
        #expect(parseError("\"a\tb\"") != nil)
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONDocumentParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func keepsMultiByteCharactersAsWritten() throws {
        #expect(try JSONDocumentParser.parse("\"naïve 日本 😀\"") == .string("naïve 日本 😀"))
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONDocumentParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
    }

    @Test func checksNumberGrammar() {
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "1.e3", "--1", "NaN", "Infinity"] {
            #expect(parseError(bad) != nil, "\(bad) is not a JSON number")
        }
        for good in ["0", "-0", "0.5", "1e10", "1E+2", "-1.25e-3", "18446744073709551616"] {
            #expect((try? JSONDocumentParser.parse(good)) == .number(good))
        }
    }

    @Test func refusesTrailingGarbage() {
        let error = parseError("{\"a\": 1} x")
        #expect(error == JSONParseError(message: "expected the end of the document, found 'x'", line: 1, column: 10))
        #expect(parseError("[1] [2]") != nil)
        #expect(parseError("truex") != nil)
    }

    @Test func refusesTrailingCommasAndSingleQuotes() {
        #expect(parseError("[1, 2,]") != nil)
        #expect(parseError("{\"a\": 1,}") != nil)
        #expect(parseError("{'a': 1}") != nil)
    }

    @Test func refusesDuplicateKeysAtTheSecondKey() {
        let error = parseError("{\n  \"a\": 1,\n  \"a\": 2\n}")
        #expect(error == JSONParseError(message: "the key \"a\" is given twice in this object", line: 3, column: 3))
    }

    @Test func allowsTheSameKeyInDifferentObjects() throws {
        _ = try JSONDocumentParser.parse(#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]"#)
    }

    @Test func boundsNestingDepth() {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let beyond = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseError(atLimit) == nil)
        #expect(parseError(beyond)?.message == "objects and arrays nest deeper than 64 levels")
        let deepObjects = String(repeating: "{\"a\":", count: 100_000)
        #expect(parseError(deepObjects) != nil)
    }

    @Test func boundsDocumentSize() {
        let big = "\"" + String(repeating: "x", count: 100) + "\""
        #expect(throws: JSONParseError.self) { try JSONDocumentParser.parse(big, documentBytesMax: 50) }
        #expect((try? JSONDocumentParser.parse(big, documentBytesMax: 102)) != nil)
    }

    @Test func givesLinesAndColumnsInCharacters() {
        let error = parseError("{\n  \"é\": tru\n}")
        #expect(error == JSONParseError(message: "expected true", line: 2, column: 8))
        let missingColon = parseError("{\"a\" 1}")
        #expect(missingColon == JSONParseError(message: "expected ':' after the key, found '1'", line: 1, column: 6))
    }

    @Test func reportsAnUnclosedStringWhereItStarts() {
        #expect(parseError("[\n \"abc") == JSONParseError(message: "the string is not closed with \"", line: 2, column: 2))
    }

    @Test func reportsAnEmptyOrTruncatedDocument() {
        #expect(parseError("")?.message == "the document ends where a value was expected")
        #expect(parseError("   // only a comment")?.message == "the document ends where a value was expected")
        #expect(parseError("{\"a\": [1, 2")?.message == "the document ends where ',' or ']' was expected")
    }

    @Test func writesValuesBackAsCompactText() throws {
        let text = #"{"b":[1.50,true,null],"a":"q\"\n\u0001"}"#
        #expect(JSONTextWriter.compactText(of: try JSONDocumentParser.parse(text)) == text)
    }
}
