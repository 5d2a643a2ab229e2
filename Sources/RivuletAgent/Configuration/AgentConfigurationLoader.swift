/// Reads an agent's configuration as the Kinesis Agent does: agent.json, then every `*.json` in the `agent.d`
/// folder beside it, sorted by name, whose flows are added to agent.json's. Every file is read and checked in
/// full before anything is decided, so one run reports every mistake; any mistake refuses the whole configuration.
public enum AgentConfigurationLoader {
    public static func load(path: String) throws(AgentConfigurationError) -> AgentConfiguration {
        var problems: [ConfigurationProblem] = []
        let main = ConfigurationFile.read(path: path, problems: &problems)
        let fragmentPaths = ConfigurationFile.fragmentPaths(beside: path, problems: &problems)
        let fragments = fragmentPaths.compactMap { ConfigurationFile.read(path: $0, problems: &problems) }
        let assembled = AgentConfigurationAssembler.assemble(
            main: main, fragments: fragments, mainPath: path, allFilesRead: problems.isEmpty)
        problems += assembled.problems
        guard problems.isEmpty else { throw AgentConfigurationError(problems: problems) }
        return assembled.configuration
    }
}
