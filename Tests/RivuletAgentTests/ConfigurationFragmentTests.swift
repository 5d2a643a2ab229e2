import Testing

@testable import RivuletAgent

/// agent.d/*.json: flows added to agent.json's, in the order of the files' names.
@Suite struct ConfigurationFragmentTests {
    private static let mainWithOneFlow = """
        {"kinesis.endpoint": "http://localhost:4567",
         "flows": [{"filePattern": "/var/log/main.log", "kinesisStream": "main"}]}
        """

    @Test func addsTheFlowsOfEveryJSONFileSortedByName() throws {
        let folder = ConfigurationFolder()
        folder.writeMain(Self.mainWithOneFlow)
        folder.writeFragment(named: "b.json", #"{"flows": [{"filePattern": "/var/log/b.log", "kinesisStream": "b"}]}"#)
        folder.writeFragment(
            named: "a.json",
            """
            // the a team
            {"flows": [{"filePattern": "/var/log/a1.log", "kinesisStream": "a"},
                       {"filePattern": "/var/log/a2.log", "kinesisStream": "a"}]}
            """)
        folder.writeFragment(named: "notes.txt", "not JSON, not read")
        folder.writeFragment(named: ".editing.json", "{ half written")
        let configuration = try folder.load()
        #expect(configuration.flows.map(\.streamName) == ["main", "a", "a", "b"])
        #expect(configuration.kinesisEndpoint == "http://localhost:4567")
    }

    @Test func takesAllFlowsFromAgentDWhenAgentJSONHasNone() throws {
        let folder = ConfigurationFolder()
        folder.writeMain(#"{"cloudwatch.emitMetrics": false}"#)
        folder.writeFragment(named: "web.json", #"{"flows": [{"filePattern": "/w.log", "kinesisStream": "w"}]}"#)
        let configuration = try folder.load()
        #expect(configuration.flows.count == 1)
        #expect(!configuration.emitMetrics)
    }

    @Test func acceptsASettingThatRepeatsAgentJSONsValue() throws {
        let folder = ConfigurationFolder()
        folder.writeMain(Self.mainWithOneFlow)
        folder.writeFragment(
            named: "copy.json",
            #"{"kinesis.endpoint": "http://localhost:4567", "flows": [{"filePattern": "/c.log", "kinesisStream": "c"}]}"#)
        #expect(try folder.load().flows.count == 2)
    }

    @Test func refusesSettingsThatAgentDCannotChange() {
        let folder = ConfigurationFolder()
        folder.writeMain(Self.mainWithOneFlow)
        folder.writeFragment(
            named: "other.json",
            #"{"kinesis.endpoint": "http://elsewhere:1", "checkpointFile": "/tmp/c", "kinesis.endpiont": "x"}"#)
        let fragment = folder.fragmentFolder + "/other.json"
        let problems = folder.problems()
        #expect(
            problems.map(\.keyPath) == [
                "\(fragment):kinesis.endpiont", "\(fragment):kinesis.endpoint", "\(fragment):checkpointFile",
            ])
        #expect(problems[0].expected.hasPrefix("is not a known key; did you mean kinesis.endpoint?"))
        #expect(problems[1].value == #""http://elsewhere:1""#)
        #expect(problems[1].expected.hasPrefix(#"differs from \#(folder.mainPath)'s "http://localhost:4567""#))
        #expect(problems[2].expected.hasPrefix("is not read here: agent.d files contribute only flows"))
    }

    @Test func reportsProblemsOfEveryFileTogether() {
        let folder = ConfigurationFolder()
        folder.writeMain(#"{"flows": [{"filePattern": "/m.log", "kinesisStream": "m", "maxBufferSizeRecords": 0}]}"#)
        folder.writeFragment(named: "1-broken.json", "{\n  \"flows\": [\n    {\"filePattern\": \"/x\",, }\n  ]\n}")
        folder.writeFragment(named: "2-bad-flow.json", #"{"flows": [{"filePattern": "/y.log"}]}"#)
        let fragments = folder.fragmentFolder
        #expect(
            folder.problems().map(\.keyPath) == [
                "\(fragments)/1-broken.json:3:26",
                "\(folder.mainPath):flows[0].maxBufferSizeRecords",
                "\(fragments)/2-bad-flow.json:flows[0].kinesisStream",
            ])
    }

    @Test func refusesTheSameFlowInTwoFiles() {
        let folder = ConfigurationFolder()
        folder.writeMain(Self.mainWithOneFlow)
        folder.writeFragment(named: "again.json", #"{"flows": [{"filePattern": "/var/log/main.log", "kinesisStream": "main"}]}"#)
        let problems = folder.problems()
        #expect(problems.map(\.keyPath) == ["\(folder.fragmentFolder)/again.json:flows[0]"])
        #expect(problems.first?.expected.contains("\(folder.mainPath):flows[0]") == true)
    }

    @Test func namesAMissingMainFile() {
        let folder = ConfigurationFolder()
        #expect(
            folder.problems() == [
                ConfigurationProblem(keyPath: folder.mainPath, value: nil, expected: "the configuration file does not exist")
            ])
    }

    @Test func stillChecksAgentDWhenTheMainFileIsMissing() {
        let folder = ConfigurationFolder()
        folder.writeFragment(named: "a.json", #"{"flows": [{"filePattern": "relative.log", "kinesisStream": "a"}]}"#)
        #expect(
            folder.problems().map(\.keyPath) == [
                folder.mainPath, "\(folder.fragmentFolder)/a.json:flows[0].filePattern",
            ])
    }

    @Test func givesTheLineAndColumnOfASyntaxError() {
        let folder = ConfigurationFolder()
        folder.writeMain("{\n  \"flows\": [\n    { \"filePattern\": \"/a\" \"kinesisStream\": \"s\" }\n  ]\n}")
        let problems = folder.problems()
        #expect(problems == [
            ConfigurationProblem(
                keyPath: "\(folder.mainPath):3:27", value: nil, expected: "expected ',' or '}', found '\"'")
        ])
    }
}
