import Testing

@testable import RivuletAgent

@Suite struct ProcessingTextProcessorsTests {
    typealias Support = ProcessingTestSupport
    static let multiLineJSON =
        "{\n   \"a\": {\n           \"b\": 1,\n           \"c\": null,\n           \"d\": true\n    },\n"
        + "   \"e\": \"f\",\n   \"g\": 2\n     }\n"

    @Test func singleLineTrimsAndJoinsLines() {
        let chain = Support.chain(Support.option(("optionName", .string("SINGLELINE"))))
        #expect(
            Support.output(chain, Self.multiLineJSON)
                == #"{"a": {"b": 1,"c": null,"d": true},"e": "f","g": 2}"# + "\n")
        #expect(Support.output(chain, "  one line\t\r\n") == "one line\n")
        #expect(Support.output(chain, "last line without newline") == "last line without newline\n")
        #expect(Support.output(chain, "") == "\n")
        #expect(Support.output(chain, "\n\na\n\n\n") == "a\n")
    }

    @Test func singleLineEscapeNewLineAsInTheOriginalsTest() {
        let chain = Support.chain(
            Support.option(("optionName", .string("SINGLELINE")), ("parseOptions", Support.strings("ESCAPE_NEW_LINE"))))
        #expect(
            Support.output(chain, Self.multiLineJSON)
                == #"{\\n"a": {\\n"b": 1,\\n"c": null,\\n"d": true\\n},\\n"e": "f",\\n"g": 2\\n}"# + "\n")
        // Inner empty lines are kept, trailing ones dropped, as Java's split does.
        #expect(Support.output(chain, "a\n   \nb\n\n") == #"a\\n\\nb"# + "\n")
    }

    @Test func singleLineNoTrimKeepsSpacesAndCarriageReturns() {
        let chain = Support.chain(
            Support.option(("optionName", .string("SINGLELINE")), ("parseOptions", Support.strings("NO_TRIM"))))
        #expect(Support.output(chain, "  a \r\n b\n") == "  a \r b\n")
        let both = Support.chain(
            Support.option(
                ("optionName", .string("SINGLELINE")), ("parseOptions", Support.strings("NO_TRIM", "ESCAPE_NEW_LINE"))))
        #expect(Support.output(both, " a\n b \n") == #" a\\n b "# + "\n")
    }

    @Test func singleLineReplacesIllFormedUTF8() {
        let chain = Support.chain(Support.option(("optionName", .string("SINGLELINE"))))
        #expect(Support.output(chain, [0x61, 0xC3, 0x0A, 0x62, 0x0A]) == [0x61, 0xEF, 0xBF, 0xBD, 0x62, 0x0A])
    }

    @Test func addBracketsAsInTheOriginalsTest() {
        let chain = Support.chain(Support.option(("optionName", .string("ADDBRACKETS"))))
        #expect(Support.output(chain, "hello there!! :)") == "{hello there!! :)}")
        #expect(Support.output(chain, "line\n") == "{line\n}")
    }

    @Test func chainAppliesOptionsInOrder() {
        // The documented multi-line example: SINGLELINE then CSVTOJSON on tabs.
        let chain = Support.chain(
            Support.option(("optionName", .string("SINGLELINE"))),
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("field1", "field2", "field3")),
                ("delimiter", .string("\\t"))))
        #expect(
            Support.output(chain, "[SEQUENCE=1]\tsecond\n  part\tthird\n")
                == #"{"field1":"[SEQUENCE=1]","field2":"secondpart","field3":"third"}"# + "\n")
        let bracketsFirst = Support.chain(
            Support.option(("optionName", .string("ADDBRACKETS"))), Support.option(("optionName", .string("SINGLELINE"))))
        #expect(Support.output(bracketsFirst, "a\n") == "{a}\n")
    }

    @Test func droppedRecordEndsTheChain() {
        let chain = Support.chain(
            Support.option(("optionName", .string("LOGTOJSON")), ("logFormat", .string("SYSLOG"))),
            Support.option(("optionName", .string("ADDBRACKETS"))))
        #expect(chain.process(Array("nothing like syslog\n".utf8)) == .skip)
    }

    @Test func emptyChainPassesRecordsThrough() {
        var problems: [ConfigurationProblem] = []
        let chain = DataProcessingChain.parse(nil, keyPath: "flows[0].dataProcessingOptions", problems: &problems)
        #expect(chain.isEmpty && problems.isEmpty)
        #expect(chain.process([1, 2, 3]) == .send([1, 2, 3]))
        #expect(DataProcessingChain().process([]) == .send([]))
        #expect(!Support.chain(Support.option(("optionName", .string("ADDBRACKETS")))).isEmpty)
    }
}
