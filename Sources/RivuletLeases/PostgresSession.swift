import Logging
import PostgresNIO

/// The one connection a PostgreSQL lease store uses, opened on demand and opened again once when it breaks.
///
/// Lease traffic is a few small statements per second per worker, which one connection carries easily, and one
/// connection needs no pool running in the background: the store works with `connect` and `close` alone.
actor PostgresSession {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private var connection: PostgresConnection?
    private var isClosed = false
    private var nextConnectionID = 1

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `query` and collects its rows. A statement that fails because the connection broke or went silent is
    /// sent once more on a new connection: every lease write is conditional on the counter, so a write that did
    /// happen the first time fails its condition the second time instead of applying twice (the caller then sees a
    /// lost race, which it must handle anyway).
    func rows(_ query: PostgresQuery, operation: String) async throws(LeaseStoreError) -> [PostgresRow] {
        let first = try await currentConnection(operation: operation)
        do {
            return try await run(query, on: first)
        } catch let error where error is QueryTimeout || PostgresErrorMapping.isConnectionLost(error) {
            logger.info(
                "lease store connection lost; connecting again",
                metadata: ["lease.error": "\(Self.leaseStoreError(error, operation: operation).reason)"])
            forget(first)
            let second = try await currentConnection(operation: operation)
            do {
                return try await run(query, on: second)
            } catch {
                throw Self.leaseStoreError(error, operation: operation)
            }
        } catch {
            throw Self.leaseStoreError(error, operation: operation)
        }
    }

    func close() async {
        isClosed = true
        guard let connection else { return }
        self.connection = nil
        try? await connection.close()
    }

    private func currentConnection(operation: String) async throws(LeaseStoreError) -> PostgresConnection {
        guard !isClosed else { throw LeaseStoreError(operation: operation, reason: "the store is closed") }
        if let connection, !connection.isClosed { return connection }
        let id = nextConnectionID
        nextConnectionID += 1
        let opened: PostgresConnection
        do {
            opened = try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        } catch {
            throw PostgresErrorMapping.leaseStoreError(error, operation: operation)
        }
        // Other calls may have run while this one waited for the server: keep the first connection that is open.
        if isClosed || (connection.map { !$0.isClosed } ?? false) {
            try? await opened.close()
            return try await currentConnection(operation: operation)
        }
        connection = opened
        return opened
    }

    private func forget(_ broken: PostgresConnection) {
        if connection === broken { connection = nil }
    }

    /// Runs one statement under the client-side deadline. The driver cannot abandon a statement in flight, so on
    /// timeout the connection is closed, which fails the statement and lets the next attempt connect afresh.
    private func run(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await withThrowingTaskGroup(of: [PostgresRow]?.self) { group in
            group.addTask { try await connection.query(query, logger: logger).collect() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(LeaseStoreLimits.postgresQueryTimeoutMilliseconds))
                try? await connection.close()
                throw QueryTimeout()
            }
            defer { group.cancelAll() }
            // Only the statement's task returns a value; the timer's ends by throwing.
            guard let rows = try await group.next() ?? nil else { throw QueryTimeout() }
            return rows
        }
    }

    private static func leaseStoreError(_ error: any Error, operation: String) -> LeaseStoreError {
        guard error is QueryTimeout else { return PostgresErrorMapping.leaseStoreError(error, operation: operation) }
        return LeaseStoreError(
            operation: operation,
            reason: "no answer from PostgreSQL within \(LeaseStoreLimits.postgresQueryTimeoutMilliseconds) ms")
    }

    /// The statement outlived `LeaseStoreLimits.postgresQueryTimeoutMilliseconds`.
    private struct QueryTimeout: Error {}
}
