import Testing

@testable import RivuletAgent

@Suite struct ConfigurationProblemTests {
    @Test func namesTheValueWhenThereIsOne() {
        let problem = ConfigurationProblem(
            keyPath: "flows[0].initialPosition", value: "\"end\"", expected: "must be END_OF_FILE or START_OF_FILE")
        #expect(problem.description == "flows[0].initialPosition: \"end\" — must be END_OF_FILE or START_OF_FILE")
    }

    @Test func saysOnlyWhatIsExpectedForAMissingKey() {
        let problem = ConfigurationProblem(keyPath: "flows[0].kinesisStream", value: nil, expected: "is required")
        #expect(problem.description == "flows[0].kinesisStream: is required")
    }
}
