import Logging
import SQLiteNIO
import Synchronization

/// Leases in an SQLite database file: the embedded default, shared by the worker processes of one host.
///
/// Each store holds one connection. The file is in WAL mode, so readers never block the single writer, and each
/// connection waits up to `LeaseStoreLimits.sqliteBusyTimeoutMilliseconds` for another process's write lock
/// before failing with `LeaseStoreError`. Conditional writes are single statements (see `LeaseTableStatements`),
/// which SQLite runs under its write lock, so processes racing for one lease cannot both win.
public final class SQLiteLeaseStore: SQLLeaseStore {
    public let path: String
    public let application: ApplicationName
    private let connection: SQLiteConnection
    let statements: LeaseTableStatements
    private let logger: Logger
    private let isClosed = Mutex(false)

    private init(path: String, application: ApplicationName, connection: SQLiteConnection, logger: Logger) {
        self.path = path
        self.application = application
        self.connection = connection
        self.statements = LeaseTableStatements(dialect: .sqlite, application: application)
        self.logger = logger
    }

    /// Opens (creating if missing) the database file at `path` for `application`'s leases. Call `prepare()` before
    /// the first use, and `close()` when done.
    public static func open(
        path: String, application: String, logger: Logger = Logger(label: "rivulet.leases.sqlite")
    ) async throws -> SQLiteLeaseStore {
        let application = try ApplicationName(application)
        var logger = logger
        logger[metadataKey: "lease.application"] = "\(application)"
        logger[metadataKey: "lease.store"] = "\(path)"
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw SQLiteErrorMapping.leaseStoreError(error, operation: "open")
        }
        let store = SQLiteLeaseStore(path: path, application: application, connection: connection, logger: logger)
        do {
            try await store.configureConnection()
        } catch {
            try? await connection.close()
            throw error
        }
        return store
    }

    /// The busy timeout comes first: it replaces the driver's retry-forever busy handler, and switching to WAL
    /// itself needs a lock another process may hold. Synchronous stays at SQLite's default (FULL): checkpoints
    /// are the consumer's durable progress and writes are few.
    private func configureConnection() async throws {
        _ = try await run("PRAGMA busy_timeout = \(LeaseStoreLimits.sqliteBusyTimeoutMilliseconds)", operation: "open")
        let mode = try await run("PRAGMA journal_mode = WAL", operation: "open")
        guard mode.first?.columns.first?.data.string?.lowercased() == "wal" else {
            throw LeaseStoreError(operation: "open", reason: "\(path) cannot use write-ahead logging")
        }
    }

    public func prepare() async throws {
        _ = try await run(statements.createTable, operation: "prepare")
    }

    public func close() async throws {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        do {
            try await connection.close()
        } catch {
            throw SQLiteErrorMapping.leaseStoreError(error, operation: "close")
        }
    }

    private func run(_ sql: String, operation: String) async throws -> [SQLiteRow] {
        try await run(LeaseStatement(sql: sql, binds: []), operation: operation)
    }

    private func run(_ statement: LeaseStatement, operation: String) async throws -> [SQLiteRow] {
        guard !isClosed.withLock({ $0 }) else {
            throw LeaseStoreError(operation: operation, reason: "the store is closed")
        }
        let binds = statement.binds.map(Self.sqliteData)
        do {
            return try await connection.query(statement.sql, binds)
        } catch {
            throw SQLiteErrorMapping.leaseStoreError(error, operation: operation)
        }
    }

    private static func sqliteData(_ value: LeaseSQLValue) -> SQLiteData {
        switch value {
        case .text(let text): .text(text)
        case .integer(let integer): .integer(SQLiteInt64(integer))
        case .null: .null
        }
    }

    func rows(_ statement: LeaseStatement, operation: String) async throws -> [[LeaseSQLValue]] {
        try await run(statement, operation: operation).map { row throws(LeaseStoreError) in
            try Self.values(of: row, operation: operation)
        }
    }

    private static func values(of row: SQLiteRow, operation: String) throws(LeaseStoreError) -> [LeaseSQLValue] {
        var values: [LeaseSQLValue] = []
        for column in row.columns {
            switch column.data {
            case .text(let text): values.append(.text(text))
            case .integer(let integer): values.append(.integer(Int64(integer)))
            case .null: values.append(.null)
            case .float, .blob:
                throw LeaseStoreError(operation: operation, reason: "column \(column.name) holds a number or blob")
            }
        }
        return values
    }
}
