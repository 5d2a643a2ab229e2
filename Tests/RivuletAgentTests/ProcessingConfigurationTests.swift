import Testing

@testable import RivuletAgent

@Suite struct ProcessingConfigurationTests {
    typealias Support = ProcessingTestSupport

    @Test func reportsEveryMistakeAtItsOwnKeyPath() {
        let problems = Support.problems(
            Support.option(("optionName", .string("CSVTOJSON")), ("delimiter", .string("[")), ("jsonFormat", .string("compact"))),
            Support.option(("optionName", .string("UPPERCASE"))),
            Support.option(("logFormat", .string("SYSLOG"))),
            Support.option(
                ("optionName", .string("LOGTOJSON")), ("logFormat", .string("NGINX")), ("matchPattern", .string("(a"))),
            Support.option(("optionName", .string("SINGLELINE")), ("parseOptions", Support.strings("NO_TRIM", "TRIM")), ("colour", .string("red"))),
            .string("SINGLELINE"))
        let paths = problems.map(\.keyPath)
        #expect(
            paths == [
                "flows[0].dataProcessingOptions[0].customFieldNames",
                "flows[0].dataProcessingOptions[0].delimiter",
                "flows[0].dataProcessingOptions[0].jsonFormat",
                "flows[0].dataProcessingOptions[1].optionName",
                "flows[0].dataProcessingOptions[2].optionName",
                "flows[0].dataProcessingOptions[3].logFormat",
                "flows[0].dataProcessingOptions[3].customFieldNames",
                "flows[0].dataProcessingOptions[3].matchPattern",
                "flows[0].dataProcessingOptions[4].parseOptions[1]",
                "flows[0].dataProcessingOptions[4].colour",
                "flows[0].dataProcessingOptions[5]",
            ])
        #expect(problems[0].value == nil && problems[0].expected.contains("required"))
        #expect(problems[1].value == "\"[\"" && problems[1].expected.contains("regular expression"))
        #expect(problems[2].expected == "must be one of COMPACT, PRETTYPRINT")
        #expect(
            problems[3].description
                == "flows[0].dataProcessingOptions[1].optionName: \"UPPERCASE\" — must be one of SINGLELINE, CSVTOJSON, "
                + "LOGTOJSON, ADDMETADATA, ADDEC2METADATA, ADDBRACKETS")
        #expect(problems[4].value == nil)
        #expect(
            problems[5].expected
                == "must be one of COMMONAPACHELOG, COMBINEDAPACHELOG, APACHEERRORLOG, SYSLOG, RFC3339SYSLOG")
        #expect(problems[8].expected == "must be one of NO_TRIM, ESCAPE_NEW_LINE")
        #expect(problems[9].expected.contains("allowed: optionName, parseOptions"))
    }

    @Test func wrongTypesAreReported() {
        let problems = Support.problems(
            Support.option(
                ("optionName", .string("CSVTOJSON")), ("customFieldNames", .array([.string("a"), .number("2")])),
                ("delimiter", .number("9")), ("ignoredFieldNames", .string("a"))),
            Support.option(("optionName", .bool(true))),
            Support.option(("optionName", .string("LOGTOJSON")), ("logFormat", .number("1")), ("customFieldNames", .string("x"))),
            Support.option(("optionName", .string("ADDMETADATA")), ("timestamp", .string("yes")), ("jsonFormat", .null)))
        #expect(
            problems.map(\.keyPath) == [
                "flows[0].dataProcessingOptions[0].customFieldNames[1]",
                "flows[0].dataProcessingOptions[0].ignoredFieldNames",
                "flows[0].dataProcessingOptions[0].delimiter",
                "flows[0].dataProcessingOptions[1].optionName",
                "flows[0].dataProcessingOptions[2].logFormat",
                "flows[0].dataProcessingOptions[2].customFieldNames",
                "flows[0].dataProcessingOptions[3].timestamp",
                "flows[0].dataProcessingOptions[3].jsonFormat",
            ])
        #expect(problems.map(\.value) == ["2", "\"a\"", "9", "true", "1", "\"x\"", "\"yes\"", "null"])
    }

    @Test func optionNamesAndFormatsAreCaseSensitive() {
        let problems = Support.problems(
            Support.option(("optionName", .string("singleline"))),
            Support.option(("optionName", .string("LOGTOJSON")), ("logFormat", .string("Syslog"))))
        #expect(problems.count == 2)
    }

    @Test func logToJSONFieldCountMustMatchTheGroups() {
        let problems = Support.problems(
            Support.option(
                ("optionName", .string("LOGTOJSON")), ("logFormat", .string("COMMONAPACHELOG")),
                ("customFieldNames", Support.strings("a", "b"))),
            Support.option(
                ("optionName", .string("LOGTOJSON")), ("logFormat", .string("SYSLOG")), ("matchPattern", .string("(a)(b)")),
                ("customFieldNames", Support.strings("only"))))
        #expect(problems.map(\.keyPath) == [
            "flows[0].dataProcessingOptions[0].customFieldNames",
            "flows[0].dataProcessingOptions[1].customFieldNames",
        ])
        #expect(problems[0].expected.hasPrefix("must give 7 field names"))
        #expect(problems[1].expected.hasPrefix("must give 2 field names"))
    }

    @Test func addEC2MetadataSaysWhyItCannotWork() {
        let problems = Support.problems(
            Support.option(("optionName", .string("ADDEC2METADATA")), ("logFormat", .string("RFC3339SYSLOG"))))
        #expect(problems.count == 1)
        #expect(problems[0].keyPath == "flows[0].dataProcessingOptions[0].optionName")
        #expect(problems[0].expected.contains("only on Amazon EC2"))
    }

    @Test func misplacedKeysAreUnknownForTheirProcessor() {
        let problems = Support.problems(
            Support.option(("optionName", .string("ADDBRACKETS")), ("jsonFormat", .string("COMPACT"))),
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", Support.strings("a")), ("logFormat", .string("SYSLOG"))))
        #expect(problems.map(\.keyPath) == [
            "flows[0].dataProcessingOptions[0].jsonFormat",
            "flows[0].dataProcessingOptions[1].logFormat",
        ])
    }

    @Test func emptyDelimiterAndEmptyFieldListAreRejected() {
        let problems = Support.problems(
            Support.option(("optionName", .string("CSVTOJSON")), ("customFieldNames", .array([])), ("delimiter", .string(""))))
        #expect(problems.map(\.keyPath) == [
            "flows[0].dataProcessingOptions[0].customFieldNames",
            "flows[0].dataProcessingOptions[0].delimiter",
        ])
    }

    @Test func optionsMustBeAnArray() {
        var problems: [ConfigurationProblem] = []
        let chain = DataProcessingChain.parse(
            Support.option(("optionName", .string("SINGLELINE"))), keyPath: "flows[2].dataProcessingOptions",
            problems: &problems)
        #expect(chain.isEmpty)
        #expect(problems.map(\.keyPath) == ["flows[2].dataProcessingOptions"])
        #expect(problems.first?.value == #"{"optionName":"SINGLELINE"}"#)
    }

    @Test func delimitersThatAreFixedTextSplitBytesDirectly() {
        for (expression, literal) in [(",", ","), ("\\t", "\t"), ("\\|", "|"), ("; ", "; "), ("\\.", ".")] {
            #expect(FieldDelimiter.literalText(of: expression) == Array(literal.utf8))
        }
        for expression in ["\\s+", "a|b", "[,;]", "\\d", ".", "x*"] {
            #expect(FieldDelimiter.literalText(of: expression) == nil)
        }
    }
}
