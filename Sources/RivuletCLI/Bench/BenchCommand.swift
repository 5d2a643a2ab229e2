import ArgumentParser

/// `rivulet bench`: load generators for a Kinesis endpoint. `rivulet bench` alone runs the API workloads, as it
/// always has; each further kind of benchmark is a subcommand in its own file.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a Kinesis endpoint, or the client libraries against one.",
        subcommands: [BenchAPICommand.self, BenchProduceCommand.self, BenchConsumeCommand.self],
        defaultSubcommand: BenchAPICommand.self)
}
