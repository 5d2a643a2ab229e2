import Testing

@testable import RivuletAWS

@Suite struct INIDocumentTests {
    @Test func readsSectionsKeysAndValues() {
        let document = INIDocument(
            parsing: """
                # a comment
                ; another comment
                [default]
                aws_access_key_id=KEY
                Region : us-east-1\t
                AWS_Secret_Access_Key = secret with spaces = and equals

                [ profile  staging ]
                region = eu-west-1
                """)
        #expect(
            document.sections == [
                "default": [
                    "aws_access_key_id": "KEY",
                    "region": "us-east-1",
                    "aws_secret_access_key": "secret with spaces = and equals",
                ],
                "profile staging": ["region": "eu-west-1"],
            ])
    }

    @Test func indentedLinesContinueTheValueAbove() {
        let document = INIDocument(
            parsing: """
                [profile tools]
                s3 =
                    max_concurrent_requests = 20
                region = us-east-2
                """)
        #expect(document.section("profile tools")?["region"] == "us-east-2")
        #expect(document.section("profile tools")?["s3"] == "\nmax_concurrent_requests = 20")
        #expect(document.section("profile tools")?["max_concurrent_requests"] == nil)
    }

    @Test func ignoresLinesOutsideSectionsAndAcceptsWindowsLineEnds() {
        let document = INIDocument(parsing: "stray = value\r\n[default]\r\nregion = sa-east-1\r\n")
        #expect(document.sections == ["default": ["region": "sa-east-1"]])
    }

    @Test func aRepeatedSectionAddsToTheFirst() {
        let document = INIDocument(parsing: "[default]\na = 1\n[other]\n[default]\nb = 2\na = 3\n")
        #expect(document.section("default") == ["a": "3", "b": "2"])
        #expect(document.section("other") == [:])
    }
}
