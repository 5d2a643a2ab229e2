import ArgumentParser
import Foundation
import Logging
import RivuletAgent

/// `rivulet agent status [--config PATH] [--json]`: each flow's files with their checkpointed offsets, sizes and
/// bytes behind, and the flow's last sending error, from the checkpoint database (so it answers whether or not the
/// agent runs; a running agent writes checkpoints every second).
struct AgentStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show each flow's files, offsets, lag and last error.")

    @OptionGroup var configurationOption: AgentConfigurationOption

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let configuration = try AgentConfigurationLoading.load(configurationOption.path)
        guard FileManager.default.fileExists(atPath: configuration.checkpointFile) else {
            throw ValidationError(
                "no checkpoint database at \(configuration.checkpointFile): the agent has not run with this configuration")
        }
        let store = try await SQLiteCheckpointStore.open(
            path: configuration.checkpointFile,
            logger: Logger(label: "rivulet.agent.status", factory: { _ in SwiftLogNoOpLogHandler() }))
        let records = try await store.flowRecords()
        var flows: [AgentFlowStatus] = []
        for flow in configuration.flows {
            let record = records.first { $0.flow == flow.identifier }
            let checkpoints = try await store.checkpoints(flow: flow.identifier)
            flows.append(AgentFlowStatus(flow: flow, record: record, checkpoints: checkpoints))
        }
        await store.close()
        if json {
            print(AgentStatusRendering.json(flows))
        } else {
            print(AgentStatusRendering.text(flows), terminator: "")
        }
    }
}
