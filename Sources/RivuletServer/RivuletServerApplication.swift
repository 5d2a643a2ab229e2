import Foundation
import Logging
import NIOCore
import RivuletCore
import RivuletHTTP
import RivuletStorage
import ServiceLifecycle

/// The whole server: opens the store (recovering it), serves the API, runs housekeeping, and on SIGTERM or SIGINT
/// stops accepting, finishes in-flight requests, and closes the store so every acknowledged record is on disk.
public struct RivuletServerApplication: Sendable {
    private let options: ServerOptions
    private let logger: Logger
    private let renderMetrics: @Sendable () -> [UInt8]
    private let onListening: @Sendable (SocketAddress) -> Void

    /// - Parameter renderMetrics: the metrics `GET /metrics` serves, in Prometheus text; the caller installed the
    ///   backend that collects them.
    public init(
        options: ServerOptions, logger: Logger, renderMetrics: @escaping @Sendable () -> [UInt8],
        onListening: @escaping @Sendable (SocketAddress) -> Void
    ) {
        self.options = options
        self.logger = logger
        self.renderMetrics = renderMetrics
        self.onListening = onListening
    }

    public func run() async throws {
        let clock = SystemClock()
        do {
            try FileManager.default.createDirectory(
                atPath: options.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw ServerStartError.dataDirectory(path: options.dataDirectory, reason: error.localizedDescription)
        }
        let secret = try ServerSecret.loadOrCreate(dataDirectory: options.dataDirectory)
        // Only the default keyring is created when missing: a mistyped --keyring must not start a new one.
        let keyring =
            try options.keyringPath.map { try KeyringFile.load(path: $0, logger: logger) }
            ?? KeyringFile.loadOrCreate(
                path: (options.dataDirectory as NSString).appendingPathComponent(KeyringFile.defaultFileName),
                logger: logger)
        let secrets = try options.credentialsPath.map(CredentialsFile.load)
        if secrets == nil {
            logger.notice(
                "signatures are not verified: any well-formed SigV4 request is accepted (start with --credentials FILE to verify them)")
        }
        let store = try await FileStreamStore.open(
            directory: (options.dataDirectory as NSString).appendingPathComponent("streams"),
            configuration: StoreConfiguration(fsyncPolicy: options.fsyncPolicy), clock: clock, logger: logger)
        let service = KinesisService(
            store: store, clock: clock, secret: secret,
            configuration: ServiceConfiguration(
                accountId: options.accountId, statusDelayMilliseconds: options.statusDelayMilliseconds,
                accountSettingsPath: (options.dataDirectory as NSString).appendingPathComponent("account-settings.json"),
                enforceLimits: options.enforceLimits, faultInjection: options.faultInjection),
            logger: logger, keyring: keyring)
        let dispatcher = KinesisDispatcher(
            service: service,
            authenticator: RequestAuthenticator(
                accountId: options.accountId, credentials: secrets, clock: clock),
            logger: logger)
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: options.host, port: options.port, requestBodyBytesMax: options.requestBodyBytesMax,
                connectionsMax: options.connectionsMax, tls: try loadTLS()),
            responder: ServerRoutes.router(dispatcher: dispatcher, renderMetrics: renderMetrics), logger: logger,
            onListening: onListening)
        let housekeeping = HousekeepingService(
            store: store, clock: clock, logger: logger, connectionCount: { server.openConnectionCount })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup,
                          failureTerminationBehavior: .gracefullyShutdownGroup),
                    .init(service: housekeeping),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        logger.info("server stopped; store closed")
    }

    private func loadTLS() throws -> TLSSettings? {
        guard let certificatePath = options.tlsCertificatePath, let keyPath = options.tlsKeyPath else { return nil }
        do {
            return try TLSSettings(certificatePath: certificatePath, keyPath: keyPath)
        } catch {
            throw ServerStartError.tls(certificatePath: certificatePath, keyPath: keyPath, reason: "\(error)")
        }
    }
}
