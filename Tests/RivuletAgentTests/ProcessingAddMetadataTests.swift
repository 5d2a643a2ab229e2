import RivuletCore
import Testing

@testable import RivuletAgent

@Suite struct ProcessingAddMetadataTests {
    typealias Support = ProcessingTestSupport
    static let metadata = Support.option(("key", .string("value")), ("foo", Support.option(("bar", .string("bas")))))

    @Test func wrapsTheRecordWithMetadataInConfiguredOrder() {
        let chain = Support.chain(Support.option(("optionName", .string("ADDMETADATA")), ("metadata", Self.metadata)))
        #expect(
            Support.output(chain, "This is the data\n")
                == #"{"metadata":{"key":"value","foo":{"bar":"bas"}},"data":"This is the data"}"# + "\n")
    }

    @Test func timestampComesFirstInUTCWithMilliseconds() {
        let processor = AddMetadataProcessor(
            metadata: Self.metadata, addsTimestamp: true, format: .compact,
            clock: ManualClock(milliseconds: 1_709_283_907_042))
        let chain = DataProcessingChain(processors: [.addMetadata(processor)])
        #expect(
            Support.output(chain, "x")
                == #"{"ts":"2024-03-01T09:05:07.042Z","metadata":{"key":"value","foo":{"bar":"bas"}},"data":"x"}"#
                + "\n")
    }

    @Test func timestampOptionIsReadAsTheOriginalReadsIt() {
        for value: JSONValue in [.string("true"), .string("TRUE"), .bool(true)] {
            let chain = Support.chain(Support.option(("optionName", .string("ADDMETADATA")), ("timestamp", value)))
            #expect(Support.output(chain, "x")?.hasPrefix(#"{"ts":""#) == true)
        }
        let without = Support.chain(
            Support.option(("optionName", .string("ADDMETADATA")), ("timestamp", .string("false"))))
        #expect(Support.output(without, "x") == #"{"metadata":null,"data":"x"}"# + "\n")
    }

    @Test func metadataOfEveryTypeAsJacksonWritesIt() {
        let metadata = Support.option(
            ("int", .number("42")), ("negativeZero", .number("-0")), ("decimal", .number("1.50")),
            ("exponent", .number("1e3")), ("large", .number("1E10")), ("small", .number("0.0001")),
            ("list", .array([.number("1"), .string("two"), .null, .bool(false)])), ("empty", .object([])),
            ("emptyList", .array([])), ("text", .string("é\"\u{01}")))
        let chain = Support.chain(Support.option(("optionName", .string("ADDMETADATA")), ("metadata", metadata)))
        #expect(
            Support.output(chain, "d\n")
                == #"{"metadata":{"int":42,"negativeZero":0,"decimal":1.5,"exponent":1000.0,"large":1.0E10,"#
                + #""small":1.0E-4,"list":[1,"two",null,false],"empty":{},"emptyList":[],"text":"é\"\u0001"},"#
                + #""data":"d"}"# + "\n")
    }

    @Test func prettyPrintNestsObjectsAndKeepsArraysInline() {
        let metadata = Support.option(
            ("key", .string("value")), ("list", .array([.number("1"), Support.option(("a", .number("2")))])),
            ("empty", .object([])))
        let chain = Support.chain(
            Support.option(
                ("optionName", .string("ADDMETADATA")), ("metadata", metadata), ("jsonFormat", .string("PRETTYPRINT"))))
        #expect(
            Support.output(chain, "d\n")
                == """
                {
                  "metadata" : {
                    "key" : "value",
                    "list" : [ 1, {
                      "a" : 2
                    } ],
                    "empty" : { }
                  },
                  "data" : "d"
                }

                """)
    }

    @Test func dataIsEscapedAndKeepsInnerNewlines() {
        let chain = Support.chain(Support.option(("optionName", .string("ADDMETADATA"))))
        #expect(Support.output(chain, "a\nb\r\n") == #"{"metadata":null,"data":"a\nb\r"}"# + "\n")
    }

    @Test func javaNumberText() {
        #expect(JavaNumberText.text(forLiteral: "123456789012345678901234567890") == "123456789012345678901234567890")
        #expect(JavaNumberText.text(forLiteral: "-2.5e-3") == "-0.0025")
        #expect(JavaNumberText.text(forLiteral: "1234567.0") == "1234567.0")
        #expect(JavaNumberText.text(forLiteral: "12345678.9") == "1.23456789E7")
        #expect(JavaNumberText.text(forLiteral: "0.001") == "0.001")
        #expect(JavaNumberText.text(forLiteral: "0e5") == "0.0")
        #expect(JavaNumberText.text(forLiteral: "-0.0") == "-0.0")
        #expect(JavaNumberText.text(forLiteral: "0.1") == "0.1")
    }

    @Test func utcTimestampText() {
        #expect(UTCTimestampText.text(epochMilliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(UTCTimestampText.text(epochMilliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(UTCTimestampText.text(epochMilliseconds: 253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
    }
}
