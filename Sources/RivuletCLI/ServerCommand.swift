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
        name: .customLong("keyring"),
        help: ArgumentHelp(
            "JSON file of keys for encryption at rest (StartStreamEncryption); default <data-dir>/keyring.json.",
            discussion: """
                The default one is created with mode 0600 and one new key under alias/aws/kinesis when missing; a \
                file given here must exist. The server never rewrites it. To bring your own keys write it yourself: \
                {"keys": [{"keyId": "<uuid>", "aliases": ["alias/aws/kinesis"], "material": "<base64 of 32 random \
                bytes>"}]}. KeyId may be an alias, alias ARN, key id or key ARN. Keep a key as long as records \
                encrypted under it are retained.
                """))
    var keyringPath: String?

    @Option(
        name: .customLong("status-delay-ms"),
        help: "Milliseconds a stream spends CREATING, UPDATING or DELETING before settling.")
    var statusDelayMilliseconds: Int64 = 0

    @Option(
        name: .customLong("tls-cert"),
        help: "PEM certificate chain; with --tls-key the port speaks TLS, offering HTTP/2 and HTTP/1.1 by ALPN.")
    var tlsCertificatePath: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKeyPath: String?

    @Flag(
        name: .customLong("enforce-limits"),
        help: """
            Apply the real service's rate limits: per shard 1 MiB/s or 1,000 records/s of writes, 2 MiB/s and 5 \
            GetRecords calls/s of reads, 5 GetShardIterator calls/s; control-plane call rates per account.
            """)
    var enforceLimits = false

    @Option(
        name: .customLong("fault-injection"),
        help: """
            Add faults to test clients, e.g. 'PutRecords:record-error-rate=0.1,latency-ms=20' or \
            '*:error-rate=0.01,error=InternalFailure' (repeatable).
            """)
    var faultInjection: [String] = []

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Flag(
        name: .customLong("verify"),
        help: ArgumentHelp(
            "Check every stored frame under --data-dir, print any damage, and exit: 0 clean, 1 damage, 2 cannot check.",
            discussion: """
                Read-only: writes nothing, cuts nothing and takes no lock, so it may run beside a server on the same \
                directory (an append in progress then shows as a torn tail, which is not damage).
                """))
    var verify = false

    func validate() throws {
        guard accountId.count == 12, accountId.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits, got '\(accountId)'")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
        guard fsyncIntervalMilliseconds > 0 else { throw ValidationError("--fsync-interval-ms must be positive") }
        guard statusDelayMilliseconds >= 0 else { throw ValidationError("--status-delay-ms must not be negative") }
        guard (tlsCertificatePath == nil) == (tlsKeyPath == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        for rule in faultInjection {
            do {
                _ = try FaultInjection.parseRule(rule)
            } catch {
                throw ValidationError("--fault-injection: \(error)")
            }
        }
    }

    func run() async throws {
        if verify { throw ExitCode(Self.verifyStore(dataDirectory: dataDirectory)) }
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
        options.keyringPath = keyringPath
        options.statusDelayMilliseconds = statusDelayMilliseconds
        options.tlsCertificatePath = tlsCertificatePath
        options.tlsKeyPath = tlsKeyPath
        options.enforceLimits = enforceLimits
        options.faultInjection = FaultInjection(rules: try faultInjection.map { try FaultInjection.parseRule($0) })
        let host = self.host
        let scheme = tlsCertificatePath == nil ? "http" : "https"
        let registry = MetricsBootstrap.prometheus()
        let application = RivuletServerApplication(
            options: options, logger: logger, renderMetrics: { registry.emitToBuffer() }
        ) { address in
            // The one line on standard output: scripts and tests wait for it to know the port.
            let line = "rivulet server listening on \(scheme)://\(host):\(address.port ?? 0)\n"
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

extension ServerCommand {
    /// `--verify`: one line per finding on standard output, a summary last; the exit status says what was found.
    static func verifyStore(dataDirectory: String) -> Int32 {
        let storeDirectory = (dataDirectory as NSString).appendingPathComponent("streams")
        let report: VerificationReport
        do {
            report = try StoreVerifier(directory: storeDirectory).verify()
        } catch {
            let line = "rivulet server --verify: cannot check \(storeDirectory): \(error)\n"
            FileHandle.standardError.write(Data(line.utf8))
            return 2
        }
        var lines = report.findings.map(\.description)
        let damaged = report.findings.filter { $0.kind == .damage }.count
        lines.append(
            "checked \(report.shardCount) shards, \(report.segmentCount) segments, \(report.bytesChecked) bytes: "
                + (report.isClean ? "no damage" : "\(damaged) damaged ranges"))
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        return report.isClean ? 0 : 1
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
