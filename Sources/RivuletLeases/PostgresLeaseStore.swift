import Logging
import PostgresNIO

/// Leases in a PostgreSQL table: for workers spread over many hosts.
///
/// The store keeps one connection (see `PostgresSession`); it needs nothing running in the background, so a caller
/// uses `connect` and `close` alone. Conditional writes are single statements (see `LeaseTableStatements`): under
/// PostgreSQL's row locks, a second UPDATE of the same lease waits for the first, then re-checks its WHERE clause
/// against the new row, so of two workers racing for one lease exactly one wins.
public final class PostgresLeaseStore: SQLLeaseStore {
    public let configuration: PostgresLeaseStoreConfiguration
    public let application: ApplicationName
    /// Internal rather than private so that tests can reach the connection (to break it, for one).
    let session: PostgresSession
    let statements: LeaseTableStatements

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

    public func close() async throws {
        await session.close()
    }

    func rows(_ statement: LeaseStatement, operation: String) async throws -> [[LeaseSQLValue]] {
        var binds = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            case .null: binds.appendNull()
            }
        }
        let rows = try await session.rows(PostgresQuery(unsafeSQL: statement.sql, binds: binds), operation: operation)
        return try rows.map { try Self.values(of: $0, operation: operation) }
    }

    /// Each cell read by its column's type: the lease table holds only BIGINT and TEXT columns.
    private static func values(of row: PostgresRow, operation: String) throws(LeaseStoreError) -> [LeaseSQLValue] {
        do {
            return try row.map { cell in
                switch cell.dataType {
                case .int8, .int4, .int2: LeaseSQLValue(try cell.decode(Int64?.self))
                default: LeaseSQLValue(try cell.decode(String?.self))
                }
            }
        } catch {
            throw PostgresErrorMapping.leaseStoreError(error, operation: operation)
        }
    }
}
