import Testing

@testable import RivuletAgent

@Suite struct ConfigurationRecordFieldTests {
    private func field(_ name: String, _ record: String) -> String? {
        JSONDocumentParser.topLevelStringField(named: name, in: Array(record.utf8))
    }

    @Test func readsStringsAsTheyAre() {
        #expect(field("id", #"{"id": "abc-1"}"#) == "abc-1")
        #expect(field("id", #"{"other": 1, "id": "x\"y\u00e9\ud83d\ude00"}"#) == "x\"yé😀")
        #expect(field("id", #"{"id": ""}"#) == "")
    }

    @Test func readsNumbersAndBooleansAsTheirText() {
        #expect(field("n", #"{"n": 42}"#) == "42")
        #expect(field("n", #"{"n": -1.50e+3}"#) == "-1.50e+3")
        #expect(field("n", #"{"n": 123456789012345678901234567890}"#) == "123456789012345678901234567890")
        #expect(field("b", #"{"b": true}"#) == "true")
        #expect(field("b", #"{"b": false}"#) == "false")
    }

    @Test func hasNoValueForNullAbsentObjectsAndArrays() {
        #expect(field("k", #"{"k": null}"#) == nil)
        #expect(field("k", #"{"a": "k"}"#) == nil)
        #expect(field("k", #"{"k": {"k": "inner"}}"#) == nil)
        #expect(field("k", #"{"k": ["a"]}"#) == nil)
        #expect(field("k", "{}") == nil)
    }

    @Test func looksOnlyAtTheTopLevel() {
        #expect(field("k", #"{"outer": {"k": "inner"}, "list": [{"k": 1}]}"#) == nil)
        #expect(field("k", #"{"outer": {"k": "inner"}, "k": "top"}"#) == "top")
    }

    @Test func takesTheLastOfDuplicateKeys() {
        #expect(field("k", #"{"k": "first", "k": "second"}"#) == "second")
    }

    @Test func matchesKeysExactlyAfterDecodingEscapes() {
        #expect(field("user id", #"{"user\u0020id": "u1"}"#) == "u1")
        #expect(field("ID", #"{"id": "lower"}"#) == nil)
    }

    @Test func skipsValuesContainingBracketsAndQuotes() {
        let record = #"{"text": "a } ] \" {", "nested": [[{"x": "}"}], {}], "k": "found"}"#
        #expect(field("k", record) == "found")
    }

    @Test func allowsWhitespaceAroundEverything() {
        #expect(field("k", " \n\t{ \"k\" :\r\n \"v\" } \n") == "v")
    }

    @Test func givesNothingForRecordsThatAreNotOneJSONObject() {
        let garbage = [
            "", "   ", "not json", "[\"k\", 1]", "\"k\"", "42", "null",
            #"{"k": "v""#, #"{"k": "v",}"#, #"{"k": "v"} trailing"#, #"{"k" "v"}"#, #"{k: "v"}"#,
            #"{"k": 'v'}"#, #"{"k": "v" /* comment */}"#, #"{"k": "\x"}"#, #"{"k": "v", "a": [1, }"#,
            #"{"k": "v", "a": tru}"#, #"{"k": 01}"#, #"{"k": "\ud83d"}"#, "{\"k\": \"a\tb\"}",
        ]
        for record in garbage {
            #expect(field("k", record) == nil, "\(record)")
        }
    }

    @Test func givesNothingForInvalidUTF8InTheValue() {
        let record: [UInt8] = Array(#"{"k": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(JSONDocumentParser.topLevelStringField(named: "k", in: record) == nil)
    }

    @Test func givesNothingForRecordsNestedTooDeep() {
        let deep = #"{"k": "v", "d": "# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}"
        #expect(field("k", deep) == nil)
        let shallow = #"{"k": "v", "d": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(field("k", shallow) == "v")
    }

    @Test func survivesArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let alphabet = Array(#"{}[]":,\ "kv0123456789.-+eEtruefalsn"#.utf8) + [0x00, 0xFF, 0xC3]
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            _ = JSONDocumentParser.topLevelStringField(named: "k", in: [UInt8(ascii: "{")] + bytes)
        }
    }
}
