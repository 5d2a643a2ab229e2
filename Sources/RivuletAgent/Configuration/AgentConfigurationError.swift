/// Why an agent configuration was refused: every problem found in agent.json and agent.d/*.json, each key path
/// prefixed with its file. Nothing of the configuration is applied while there is any.
public struct AgentConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ConfigurationProblem]

    public init(problems: [ConfigurationProblem]) {
        self.problems = problems
    }

    /// All the problems, one per line, in the order of the files and of the keys in them.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
