import ArgumentParser
import Foundation
import Logging
import RivuletServer
import RivuletStorage

struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run the Kinesis-compatible stream server.",
        discussion: """
            Records are stored under --data-dir and survive restarts and crashes: with the default --fsync always, a \
            record is acknowledged only once it is on disk. Stop with Ctrl-C or SIGTERM; in-flight requests finish \
            and files are closed.
            """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (the listening line says which).")
    var port = 4567

    @Option(name: .customLong("data-dir"), help: "Directory holding streams and records.")
    var dataDirectory = "./rivulet-data"

    @Option(help: "When appends reach the disk: always (acknowledge after fsync), interval, never.")
    var fsync: FsyncMode = .always

    @Option(name: .customLong("fsync-interval-ms"), help: "With --fsync interval: milliseconds between fsyncs.")
    var fsyncIntervalMilliseconds = 100

    @Option(name: .customLong("account-id"), help: "The 12-digit account id streams belong to.")
    var accountId = "000000000000"

    @Option(
        name: .customLong("credentials"),
        help: "JSON file of access key id -> secret access key; when given, SigV4 signatures are verified.")
    var credentialsPath: String?

    @Option(
        name: .customLong("status-delay-ms"),
        help: "Milliseconds a stream spends CREATING, UPDATING or DELETING before settling.")
    var statusDelayMilliseconds: Int64 = 0

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits, got '\(accountId)'")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard fsyncIntervalMilliseconds > 0 else { throw ValidationError("--fsync-interval-ms must be positive") }
        guard statusDelayMilliseconds >= 0 else { throw ValidationError("--status-delay-ms must not be negative") }
    }

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "rivulet.server")
        logger.logLevel = level
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.dataDirectory = dataDirectory
        options.fsyncPolicy = fsync.policy(intervalMilliseconds: fsyncIntervalMilliseconds)
        options.accountId = accountId
        options.credentialsPath = credentialsPath
        options.statusDelayMilliseconds = statusDelayMilliseconds
        let host = self.host
        let application = RivuletServerApplication(options: options, logger: logger) { address in
            // The one line on standard output: scripts and tests wait for it to know the port.
            let line = "rivulet server listening on http://\(host):\(address.port ?? 0)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        do {
            try await application.run()
        } catch {
            logger.critical("server failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

enum FsyncMode: String, ExpressibleByArgument, CaseIterable {
    case always, interval, never

    func policy(intervalMilliseconds: Int) -> FsyncPolicy {
        switch self {
        case .always: .always
        case .interval: .interval(milliseconds: intervalMilliseconds)
        case .never: .never
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
