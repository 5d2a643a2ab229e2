/// Builds one `AgentConfiguration` from agent.json and the agent.d files: settings from agent.json, flows from all
/// of them in order. As in the Kinesis Agent, agent.d files contribute only flows; a setting there that agent.json
/// does not hold with the same value would be silently ignored, so it is a problem instead.
struct AgentConfigurationAssembler {
    private(set) var problems: [ConfigurationProblem] = []
    private var configuration = AgentConfiguration()
    /// Where each flow's identifier was first seen, to report the same pattern and stream given twice.
    private var flowOrigins: [String: String] = [:]
    private var flowCount = 0
    /// A `flows` that is not an array is already a problem; saying flows are missing as well would mislead.
    private var flowsMalformed = false

    static func assemble(
        main: ConfigurationFile?, fragments: [ConfigurationFile], mainPath: String, allFilesRead: Bool
    ) -> (configuration: AgentConfiguration, problems: [ConfigurationProblem]) {
        var assembler = AgentConfigurationAssembler()
        if let main {
            var fileProblems: [ConfigurationProblem] = []
            AgentSettingsDecoder.decode(main.members, into: &assembler.configuration, problems: &fileProblems)
            assembler.addFlows(of: main, problems: &fileProblems)
            assembler.problems += Self.prefixed(fileProblems, with: main.path)
        }
        for fragment in fragments {
            var fileProblems = Self.fragmentSettingProblems(fragment, main: main, mainPath: mainPath)
            assembler.addFlows(of: fragment, problems: &fileProblems)
            assembler.problems += Self.prefixed(fileProblems, with: fragment.path)
        }
        assembler.checkFlowCount(mainPath: mainPath, allFilesRead: allFilesRead)
        return (assembler.configuration, assembler.problems)
    }

    private mutating func addFlows(of file: ConfigurationFile, problems: inout [ConfigurationProblem]) {
        guard let value = file.members.first(where: { $0.key == "flows" })?.value, value != .null else { return }
        guard case .array(let elements) = value else {
            flowsMalformed = true
            problems.append(
                ConfigurationProblem(
                    keyPath: "flows", value: ConfigurationObjectReader.shown(value),
                    expected: "must be an array of flows, [ { \"filePattern\": ..., \"kinesisStream\": ... } ]"))
            return
        }
        for (position, element) in elements.enumerated() {
            let keyPath = "flows[\(position)]"
            flowCount += 1
            guard let flow = FlowConfigurationDecoder.decode(element, keyPath: keyPath, problems: &problems) else {
                continue
            }
            let origin = "\(file.path):\(keyPath)"
            if let first = flowOrigins[flow.identifier] {
                problems.append(
                    ConfigurationProblem(
                        keyPath: keyPath, value: nil,
                        expected:
                            "sends the same filePattern to the same kinesisStream as \(first); give each pair once"))
                continue
            }
            flowOrigins[flow.identifier] = origin
            configuration.flows.append(flow)
        }
    }

    private mutating func checkFlowCount(mainPath: String, allFilesRead: Bool) {
        let flowsMax = ConfigurationLimits.flowsMax
        if flowCount > flowsMax {
            problems.append(
                ConfigurationProblem(
                    keyPath: "\(mainPath):flows", value: nil,
                    expected:
                        "there are \(flowCount) flows across agent.json and agent.d; at most \(flowsMax) are run"))
        }
        // When a file could not be read its flows are unknown, so saying there are none would mislead.
        if flowCount == 0 && allFilesRead && !flowsMalformed {
            problems.append(
                ConfigurationProblem(
                    keyPath: "\(mainPath):flows", value: nil,
                    expected: "is required: at least one flow, in agent.json or in agent.d/*.json"))
        }
    }

    /// Settings in an agent.d file: unknown keys as anywhere, and known ones unless agent.json holds the same value.
    private static func fragmentSettingProblems(
        _ fragment: ConfigurationFile, main: ConfigurationFile?, mainPath: String
    ) -> [ConfigurationProblem] {
        var reader = ConfigurationObjectReader(members: fragment.members, keyPath: "")
        reader.reportUnknownKeys(allowed: AgentSettingsDecoder.allowedKeys)
        var problems = reader.problems
        let known = Set(AgentSettingsDecoder.allowedKeys)
        for member in fragment.members where member.key != "flows" && known.contains(member.key) {
            let mainValue = main?.members.first(where: { $0.key == member.key })?.value
            guard mainValue != member.value else { continue }
            let reason = "agent.d files contribute only flows, as in the Kinesis Agent; set it in \(mainPath)"
            let expected = mainValue.map {
                "differs from \(mainPath)'s \(ConfigurationObjectReader.shown($0)): \(reason)"
            }
            problems.append(
                ConfigurationProblem(
                    keyPath: member.key, value: ConfigurationObjectReader.shown(member.value),
                    expected: expected ?? "is not read here: \(reason)"))
        }
        return problems
    }

    private static func prefixed(_ problems: [ConfigurationProblem], with path: String) -> [ConfigurationProblem] {
        problems.map { problem in
            var problem = problem
            problem.keyPath = "\(path):\(problem.keyPath)"
            return problem
        }
    }
}
