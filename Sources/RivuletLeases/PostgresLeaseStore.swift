import Logging
import PostgresNIO

/// Leases in a PostgreSQL table: for workers spread over many hosts.
///
/// The store keeps one connection (see `PostgresSession`); it needs nothing running in the background, so a caller
/// uses `connect` and `close` alone. Conditional writes are single statements (see `LeaseTableStatements`): under
/// PostgreSQL's row locks, a second UPDATE of the same lease waits for the first, then re-checks its WHERE clause
/// against the new row, so of two workers racing for one lease exactly one wins.
public final class PostgresLeaseStore: LeaseStore {
    public let configuration: PostgresLeaseStoreConfiguration
    public let application: ApplicationName
    /// Internal rather than private so that tests can reach the connection (to break it, for one).
    let session: PostgresSession
    private let statements: LeaseTableStatements

    private init(
        configuration: PostgresLeaseStoreConfiguration, application: ApplicationName, session: PostgresSession
    ) {
        self.configuration = configuration
        self.application = application
        self.session = session
        self.statements = LeaseTableStatements(
            dialect: .postgres, application: application, schema: configuration.schema)
    }

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`) for `application`'s
    /// leases. Call `prepare()` before the first use, and `close()` when done.
    public static func connect(
        url: String, application: String, logger: Logger = Logger(label: "rivulet.leases.postgres")
    ) async throws -> PostgresLeaseStore {
        try await connect(configuration: PostgresLeaseStoreConfiguration(url: url), application: application, logger: logger)
    }

    public static func connect(
        configuration: PostgresLeaseStoreConfiguration, application: String,
        logger: Logger = Logger(label: "rivulet.leases.postgres")
    ) async throws -> PostgresLeaseStore {
        let application = try ApplicationName(application)
        var logger = logger
        logger[metadataKey: "lease.application"] = "\(application)"
        logger[metadataKey: "lease.store"] = "\(configuration)"
        let session = PostgresSession(
            configuration: try configuration.connectionConfiguration(application: application), logger: logger)
        let store = PostgresLeaseStore(configuration: configuration, application: application, session: session)
        // Connecting now reports a wrong URL or password at start-up rather than at the first lease operation.
        do {
            _ = try await session.rows("SELECT 1", operation: "connect")
        } catch {
            await session.close()
            throw error
        }
        return store
    }

    /// The table (and schema) are created under a transaction-scoped advisory lock, inside one DO statement:
    /// without it, two workers creating the table at once can both pass IF NOT EXISTS and one then fails on a
    /// unique index of PostgreSQL's catalog.
    public func prepare() async throws {
        let createSchema = configuration.schema.map { "CREATE SCHEMA IF NOT EXISTS \($0);" } ?? ""
        let sql = """
            DO $prepare$ BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('rivulet_leases'));
                \(createSchema)
                \(statements.createTable);
            END $prepare$
            """
        _ = try await session.rows(PostgresQuery(unsafeSQL: sql), operation: "prepare")
    }

    public func listLeases() async throws -> [Lease] {
        let rows = try await run(statements.listLeases(), operation: "listLeases")
        guard rows.count <= LeaseStoreLimits.leasesPerApplicationMax else {
            throw LeaseStoreError(
                operation: "listLeases",
                reason: "more than \(LeaseStoreLimits.leasesPerApplicationMax) leases for \(application)")
        }
        return try rows.map { try Self.lease(from: $0, operation: "listLeases") }
    }

    public func lease(forKey leaseKey: String) async throws -> Lease? {
        let rows = try await run(statements.lease(forKey: leaseKey), operation: "lease")
        return try rows.first.map { try Self.lease(from: $0, operation: "lease") }
    }

    public func createLeaseIfNotExists(_ lease: Lease) async throws -> Bool {
        let operation = "createLeaseIfNotExists"
        try LeaseValidator.validate(lease, operation: operation)
        // Count and insert are two statements, so racing creators may pass the bound by a few leases; it guards
        // against runaway growth, not an exact number.
        let countRows = try await run(statements.countLeases(), operation: operation)
        let count = try countRows.first.map { row in
            do { return try row.decode(Int64.self) } catch {
                throw PostgresErrorMapping.leaseStoreError(error, operation: operation)
            }
        }
        guard let count, count < LeaseStoreLimits.leasesPerApplicationMax else {
            throw LeaseStoreError(
                operation: operation,
                reason: "\(application) already has \(LeaseStoreLimits.leasesPerApplicationMax) leases")
        }
        return try await !run(statements.insertIfNotExists(lease), operation: operation).isEmpty
    }

    public func renewLease(_ lease: Lease) async throws -> Lease? {
        try await write(.renew, expected: lease)
    }

    public func takeLease(_ lease: Lease, owner: String) async throws -> Lease? {
        try await write(.take(owner: owner), expected: lease)
    }

    public func evictLease(_ lease: Lease) async throws -> Lease? {
        try await write(.evict, expected: lease)
    }

    public func updateCheckpoint(_ lease: Lease, checkpoint: ExtendedSequenceNumber) async throws -> Lease? {
        try await write(.checkpoint(checkpoint), expected: lease)
    }

    public func updatePendingCheckpoint(
        _ lease: Lease, pendingCheckpoint: ExtendedSequenceNumber?
    ) async throws -> Lease? {
        try await write(.pendingCheckpoint(pendingCheckpoint), expected: lease)
    }

    public func updateChildShardIds(_ lease: Lease, childShardIds: [String]) async throws -> Lease? {
        try await write(.childShardIds(childShardIds), expected: lease)
    }

    public func deleteLease(_ lease: Lease) async throws -> Bool {
        try await !run(statements.delete(lease), operation: "deleteLease").isEmpty
    }

    public func close() async throws {
        await session.close()
    }

    private func write(_ write: LeaseWrite, expected: Lease) async throws -> Lease? {
        try write.validate()
        let rows = try await run(statements.update(write, expected: expected), operation: write.operation)
        return try rows.first.map { try Self.lease(from: $0, operation: write.operation) }
    }

    private func run(_ statement: LeaseStatement, operation: String) async throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            case .null: binds.appendNull()
            }
        }
        return try await session.rows(PostgresQuery(unsafeSQL: statement.sql, binds: binds), operation: operation)
    }

    private static func lease(from row: PostgresRow, operation: String) throws(LeaseStoreError) -> Lease {
        var values: [LeaseSQLValue] = []
        do {
            for (index, cell) in row.enumerated() {
                if LeaseRowDecoder.integerColumns.contains(index) {
                    values.append(LeaseSQLValue(try cell.decode(Int64?.self)))
                } else {
                    values.append(LeaseSQLValue(try cell.decode(String?.self)))
                }
            }
        } catch {
            throw PostgresErrorMapping.leaseStoreError(error, operation: operation)
        }
        return try LeaseRowDecoder.lease(from: values, operation: operation)
    }
}
