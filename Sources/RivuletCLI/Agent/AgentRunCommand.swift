import ArgumentParser
import Foundation
import Logging
import Prometheus
import RivuletAgent
import RivuletClient
import RivuletHTTP
import ServiceLifecycle

/// `rivulet agent [--config PATH] [--once] [--check-config]`.
struct AgentRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the agent (the default subcommand).",
        discussion: """
            Reads the Kinesis Agent's agent.json format (comments allowed). Each flow tails the files matching its \
            filePattern and sends their records to its kinesisStream. Checkpoints (SQLite, checkpointFile) advance \
            only over records the stream acknowledged, so a crash can repeat lines but never lose one. SIGTERM or \
            SIGINT stops reading, sends what was read (within shutdownTimeoutMillis, even while the stream is \
            unreachable) and writes the checkpoints; --once then exits non-zero if records were left unacknowledged. \
            One agent at a time may use a checkpointFile (a lock file beside it).
            """)

    @OptionGroup var configurationOption: AgentConfigurationOption

    @Flag(help: "Send what the files hold now, wait until the stream acknowledged all of it, and exit.")
    var once = false

    @Flag(name: .customLong("check-config"), help: "Check the configuration, list every problem, and exit.")
    var checkConfig = false

    func run() async throws {
        let configuration = try AgentConfigurationLoading.load(configurationOption.path)
        if checkConfig {
            let streams = Set(configuration.flows.map(\.streamName)).sorted().joined(separator: ", ")
            print("configuration OK: \(configuration.flows.count) flow(s) to \(streams)")
            return
        }
        let logger = AgentLogging.bootstrap(level: configuration.logLevel)
        let registry = MetricsBootstrap.prometheus()
        let client = try AgentClientFactory.makeClient(configuration, logger: logger)
        let agent = Agent(configuration: configuration, client: client, once: once, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: agent, successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if configuration.emitMetrics, let listen = configuration.metricsListen {
            let address = try AgentListenAddress(listen)
            var router = HTTPRouter()
            router.addMetrics(render: { registry.emitToBuffer() })
            let server = HTTPServer(
                configuration: HTTPServer.Configuration(host: address.host, port: address.port),
                responder: router, logger: logger,
                onListening: { bound in
                    AgentLogging.announce("rivulet agent metrics on http://\(address.host):\(bound.port ?? 0)/metrics")
                })
            services.append(.init(service: server))
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // A backstop only: the agent's own drain deadline (shutdownTimeoutMillis) ends a shutdown well before this;
        // past it the agent's tasks are cancelled rather than left to hold the exit.
        groupConfiguration.maximumGracefulShutdownDuration =
            .milliseconds(configuration.shutdownTimeoutMilliseconds) + .seconds(30)
        let group = ServiceGroup(configuration: groupConfiguration)
        AgentLogging.announce("rivulet agent started: \(configuration.flows.count) flow(s)")
        do {
            try await group.run()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
    }
}
