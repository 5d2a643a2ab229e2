import ArgumentParser
import Foundation
import Logging
import RivuletClient
import RivuletConsumer
import RivuletLeases
import ServiceLifecycle

/// `rivulet tail STREAM`: follows every shard of a stream through the consumer library, KPL aggregates opened,
/// parents before children across resharding.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print a stream's records as they arrive, from every shard.",
        discussion: """
            Without --application, tail reads every shard itself and remembers nothing. With --application NAME, \
            it is one worker of a consumer application: workers with the same name share the shards through \
            leases in --lease-store, checkpoint what they printed, take over a stopped worker's shards within \
            --failover-ms, and a restarted tail continues where the application left off.
            """)

    @Argument(help: "The stream's name or ARN.")
    var stream: String

    @Option(help: "Where to start in shards with no checkpoint: trim-horizon, latest, or a timestamp.")
    var from = TailStartPosition(argument: "latest")!

    @Option(help: "Stop after printing this many records.")
    var limit: Int?

    @Option(help: "Name of the consumer application this tail is a worker of (enables leases and checkpoints).")
    var application: String?

    @Option(
        name: .customLong("lease-store"),
        help: "Leases and checkpoints: a SQLite file path (sqlite:PATH) or postgres://user:pass@host:port/db.")
    var leaseStore: String?

    @Option(name: .customLong("worker-id"), help: "This worker's name in the lease table (default: host:pid).")
    var workerIdentifier: String?

    @Option(name: .customLong("failover-ms"), help: "Time after which a silent worker's shards are taken over.")
    var failoverMilliseconds: Int64 = 10_000

    @Option(name: .customLong("poll-interval-ms"), help: "Pause between reads of a shard that is caught up.")
    var pollIntervalMilliseconds: Int64 = 500

    @Flag(
        name: .customLong("report-checkpoints"),
        help: "With --output json, also print a {\"checkpoint\": ...} line after each checkpoint.")
    var reportCheckpoints = false

    @OptionGroup var options: AdminOptions

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit must be positive") }
        guard (100...3_600_000).contains(failoverMilliseconds) else {
            throw ValidationError("--failover-ms must be in 100...3600000")
        }
        guard (1...60_000).contains(pollIntervalMilliseconds) else {
            throw ValidationError("--poll-interval-ms must be in 1...60000")
        }
        if leaseStore != nil, application == nil {
            throw ValidationError("--lease-store needs --application: leases belong to a named application")
        }
    }

    func run() async throws {
        let worker = workerIdentifier ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        var consumerConfiguration = ConsumerConfiguration(stream: stream, workerIdentifier: worker)
        consumerConfiguration.initialPosition = from.initialPosition
        consumerConfiguration.failoverTimeMilliseconds = failoverMilliseconds
        consumerConfiguration.idleTimeBetweenReadsMilliseconds = pollIntervalMilliseconds
        consumerConfiguration.logger = makeLogger()
        let store = try await openLeaseStore()
        let logger = consumerConfiguration.logger
        try await AdminSession.run(options) { session in
            let schedulerBox = SchedulerBox()
            let printer = TailPrinter(
                format: options.output == .json ? .json : .text, limit: limit,
                reportsCheckpoints: reportCheckpoints && options.output == .json,
                onLimitReached: { schedulerBox.shutdown() })
            let checkpoints = application != nil
            let scheduler = Scheduler(
                configuration: consumerConfiguration, client: session.client, leaseStore: store
            ) { _ in TailProcessor(printer: printer, checkpoints: checkpoints) }
            schedulerBox.set(scheduler)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [.init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
        try await store.close()
    }

    private func openLeaseStore() async throws -> any LeaseStore {
        guard let application else { return InMemoryLeaseStore() }
        let location = leaseStore ?? Self.defaultLeaseStorePath()
        if leaseStore == nil {
            try? FileManager.default.createDirectory(
                atPath: (String(location.dropFirst("sqlite:".count)) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
        }
        do {
            return try await LeaseStoreLocation(parsing: location).open(application: application, logger: makeLogger())
        } catch {
            throw ValidationError("--lease-store \(location): \(error)")
        }
    }

    private static func defaultLeaseStorePath() -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return "sqlite:\(home)/.rivulet/leases.sqlite"
    }

    private func makeLogger() -> Logger {
        Logger(label: "rivulet.tail") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = options.debug ? .debug : .warning
            return handler
        }
    }
}
