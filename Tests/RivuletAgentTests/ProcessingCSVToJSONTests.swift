import RivuletCore
import Testing

@testable import RivuletAgent

@Suite struct ProcessingCSVToJSONTests {
    typealias Support = ProcessingTestSupport
    let fourColumns = Support.option(
        ("optionName", .string("CSVTOJSON")),
        ("customFieldNames", Support.strings("column1", "column2", "column3", "column4")))

    @Test func keepsSpacesAndEscapesANewlineInsideAValue() {
        // The Kinesis Agent's own test: values are not trimmed; an inner newline becomes \n in JSON.
        let chain = Support.chain(fourColumns)
        #expect(
            Support.output(chain, "value1, value2,valu\ne3,    value4\n")
                == #"{"column1":"value1","column2":" value2","column3":"valu\ne3","column4":"    value4"}"# + "\n")
    }

    @Test func missingColumnsAreNullAndExtraColumnsAreLeftOut() {
        let chain = Support.chain(fourColumns)
        #expect(
            Support.output(chain, "value1, value2,value3\n")
                == #"{"column1":"value1","column2":" value2","column3":"value3","column4":null}"# + "\n")
        #expect(
            Support.output(chain, "value1,value2,value3,value4,value5\n")
                == #"{"column1":"value1","column2":"value2","column3":"value3","column4":"value4"}"# + "\n")
    }

    @Test func documentedExample() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("f1", "f2"))))
        #expect(Support.output(chain, "v1, v2\n") == #"{"f1":"v1","f2":" v2"}"# + "\n")
    }

    @Test func emptyFieldsInsideAreEmptyStringsButTrailingOnesAreNull() {
        // Java's String.split drops empty strings at the end only.
        let chain = Support.chain(fourColumns)
        #expect(
            Support.output(chain, ",b,,\n") == #"{"column1":"","column2":"b","column3":null,"column4":null}"# + "\n")
        #expect(
            Support.output(chain, ",,,x\n") == #"{"column1":"","column2":"","column3":"","column4":"x"}"# + "\n")
        #expect(Support.output(chain, ",,,\n") == #"{"column1":null,"column2":null,"column3":null,"column4":null}"# + "\n")
        #expect(Support.output(chain, "\n") == #"{"column1":"","column2":null,"column3":null,"column4":null}"# + "\n")
        #expect(Support.output(chain, "") == #"{"column1":"","column2":null,"column3":null,"column4":null}"# + "\n")
    }

    @Test func emptyColumnsBeyondTheNamedOnesDoNotMatterButLaterContentDoes() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b"))))
        #expect(Support.output(chain, "x,,,\n") == #"{"a":"x","b":null}"# + "\n")
        #expect(Support.output(chain, "x,,,y\n") == #"{"a":"x","b":""}"# + "\n")
    }

    @Test func tabDelimiterAsInTheOriginalsTest() {
        let chain = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")),
                ("customFieldNames", Support.strings("column1", "column2", "column3", "column4")),
                ("delimiter", .string("\\t"))))
        #expect(
            Support.output(chain, "value1\t value2\tvalue3\t    value4\n")
                == #"{"column1":"value1","column2":" value2","column3":"value3","column4":"    value4"}"# + "\n")
    }

    @Test func escapedPipeAndMultiCharacterDelimiters() {
        let pipe = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b", "c")),
                ("delimiter", .string("\\|"))))
        #expect(Support.output(pipe, "1|2|3\n") == #"{"a":"1","b":"2","c":"3"}"# + "\n")
        let commaSpace = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b", "c")),
                ("delimiter", .string(", "))))
        #expect(Support.output(commaSpace, "1, 2,3, 4\n") == #"{"a":"1","b":"2,3","c":"4"}"# + "\n")
    }

    @Test func realRegularExpressionDelimiter() {
        let chain = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b", "c", "d")),
                ("delimiter", .string("\\s*[;|]\\s*"))))
        #expect(Support.output(chain, "1 ; 2|3  ;\n") == #"{"a":"1","b":"2","c":"3","d":null}"# + "\n")
        #expect(Support.output(chain, "; é|ü\n") == #"{"a":"","b":"é","c":"ü","d":null}"# + "\n")
        #expect(Support.output(chain, "none\n") == #"{"a":"none","b":null,"c":null,"d":null}"# + "\n")
    }

    @Test func zeroWidthMatchAtTheStartMakesNoEmptyFirstField() {
        let chain = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b", "c")),
                ("delimiter", .string("(?=x)"))))
        #expect(Support.output(chain, "x1x2\n") == #"{"a":"x1","b":"x2","c":null}"# + "\n")
    }

    @Test func escapesQuotesBackslashesAndControlCharactersAsJackson() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b", "c"))))
        #expect(
            Support.output(chain, "say \"hi\",C:\\dir,\u{01}\u{08}\t\u{0C}\r\u{1F}\u{7F}/\n")
                == #"{"a":"say \"hi\"","b":"C:\\dir","c":"\u0001\b\t\f\r\u001F"# + "\u{7F}/\"}\n")
    }

    @Test func writesUnicodeAsUTF8AndReplacesIllFormedBytes() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b"))))
        #expect(Support.output(chain, "héllo,日本😀\n") == #"{"a":"héllo","b":"日本😀"}"# + "\n")
        let illFormed: [UInt8] = [0x61, 0xFF, 0x2C, 0xE6, 0x97, 0x2C, 0x0A]
        let expected = Array(#"{"a":"a\#u{FFFD}","b":"\#u{FFFD}"}"#.utf8) + [0x0A]
        #expect(Support.output(chain, illFormed) == expected)
    }

    @Test func crlfLineKeepsTheCarriageReturnInTheLastValue() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b"))))
        #expect(Support.output(chain, "1,2\r\n") == #"{"a":"1","b":"2\r"}"# + "\n")
    }

    @Test func lastLineWithoutNewlineStillEndsInOne() {
        let chain = Support.chain(fourColumns)
        #expect(
            Support.output(chain, "value1,value2,value3,value4")
                == #"{"column1":"value1","column2":"value2","column3":"value3","column4":"value4"}"# + "\n")
    }

    @Test func ignoredFieldNamesAsInTheOriginalsTests() {
        func converted(ignoring names: JSONValue) -> String? {
            let chain = Support.chain(
                Support.option(
                    ("optionName", .string("CSVTOJSON")),
                    ("customFieldNames", Support.strings("column1", "column2", "column3", "column4")),
                    ("ignoredFieldNames", names)))
            return Support.output(chain, "value1,value2,value3,value4\n")
        }
        func object(_ columns: Int...) -> String {
            "{" + columns.map { #""column\#($0)":"value\#($0)""# }.joined(separator: ",") + "}\n"
        }
        #expect(converted(ignoring: .array([])) == object(1, 2, 3, 4))
        #expect(converted(ignoring: Support.strings("column4")) == object(1, 2, 3))
        #expect(converted(ignoring: Support.strings("column1")) == object(2, 3, 4))
        #expect(converted(ignoring: Support.strings("column2", "column3")) == object(1, 4))
        #expect(converted(ignoring: Support.strings("column5", "column6")) == object(1, 2, 3, 4))
        #expect(converted(ignoring: Support.strings("column1", "column2", "column3", "column4")) == "{}\n")
    }

    @Test func prettyPrintIsJacksonsDefaultPrettyPrinter() {
        let chain = Support.chain(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a", "b")),
                ("jsonFormat", .string("PRETTYPRINT"))))
        #expect(Support.output(chain, "1\n") == "{\n  \"a\" : \"1\",\n  \"b\" : null\n}\n")
    }

    @Test func keysAreEscapedToo() {
        let chain = Support.chain(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a\"b", "c\\d"))))
        #expect(Support.output(chain, "1,2\n") == #"{"a\"b":"1","c\\d":"2"}"# + "\n")
    }
}
