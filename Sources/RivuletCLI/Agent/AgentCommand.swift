import ArgumentParser

/// `rivulet agent`: a drop-in for the Kinesis Agent. Runs the agent by default; `status` reports on it.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Tail files into streams, as the Kinesis Agent does, from the same agent.json.",
        subcommands: [AgentRunCommand.self, AgentStatusCommand.self],
        defaultSubcommand: AgentRunCommand.self)
}

/// Where the configuration is: the option every agent subcommand shares.
struct AgentConfigurationOption: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: "The agent.json to use; every *.json in agent.d/ beside it is read too.")
    var path = "/etc/rivulet/agent.json"
}
