import Logging
import SQLiteNIO
import Synchronization

/// Leases in an SQLite database file: the embedded default, shared by the worker processes of one host.
///
/// Each store holds one connection. The file is in WAL mode, so readers never block the single writer, and each
/// connection waits up to `LeaseStoreLimits.sqliteBusyTimeoutMilliseconds` for another process's write lock
/// before failing with `LeaseStoreError`. Conditional writes are single statements (see `LeaseTableStatements`),
/// which SQLite runs under its write lock, so processes racing for one lease cannot both win.
public final class SQLiteLeaseStore: LeaseStore {
    public let path: String
    public let application: ApplicationName
    private let connection: SQLiteConnection
    private let statements: LeaseTableStatements
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
        // The count and the insert are two statements, so racing creators may pass the bound by a few leases; it
        // guards against runaway growth, not an exact number.
        let count = try await run(statements.countLeases(), operation: operation).first?.columns.first?.data.integer
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

    private func write(_ write: LeaseWrite, expected: Lease) async throws -> Lease? {
        try write.validate()
        let rows = try await run(statements.update(write, expected: expected), operation: write.operation)
        return try rows.first.map { try Self.lease(from: $0, operation: write.operation) }
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

    private static func lease(from row: SQLiteRow, operation: String) throws(LeaseStoreError) -> Lease {
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
        return try LeaseRowDecoder.lease(from: values, operation: operation)
    }
}
