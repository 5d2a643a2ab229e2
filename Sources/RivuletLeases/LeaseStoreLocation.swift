import Logging

/// Where a consumer keeps its leases, as written on a command line (`--lease-store`): `memory:` for a store that
/// lives and dies with the process, `sqlite:PATH` or a plain file path for an SQLite file shared by the processes
/// of one host, or a `postgres://user:password@host:port/database` URL for workers on many hosts.
public enum LeaseStoreLocation: Sendable, CustomStringConvertible {
    case memory
    case sqlite(path: String)
    case postgres(PostgresLeaseStoreConfiguration)

    public init(parsing text: String) throws(LeaseStoreError) {
        let lowercased = text.lowercased()
        if lowercased.hasPrefix("postgres://") || lowercased.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLeaseStoreConfiguration(url: text))
        } else if lowercased == "memory:" {
            self = .memory
        } else {
            let path = lowercased.hasPrefix("sqlite:") ? String(text.dropFirst("sqlite:".count)) : text
            guard !path.isEmpty else {
                throw LeaseStoreError(operation: "open", reason: "the lease store location '\(text)' has no path")
            }
            guard !path.contains("://") else {
                throw LeaseStoreError(
                    operation: "open",
                    reason: "unsupported lease store '\(text)': use a file path, sqlite:PATH or postgres://...")
            }
            self = .sqlite(path: path)
        }
    }

    /// Opens the store and prepares its table, ready for a consumer; the caller closes it with `close()`.
    public func open(
        application: String, logger: Logger = Logger(label: "rivulet.leases")
    ) async throws -> any LeaseStore {
        let store: any LeaseStore
        switch self {
        case .memory:
            _ = try ApplicationName(application)
            store = InMemoryLeaseStore()
        case .sqlite(let path):
            store = try await SQLiteLeaseStore.open(path: path, application: application, logger: logger)
        case .postgres(let configuration):
            store = try await PostgresLeaseStore.connect(
                configuration: configuration, application: application, logger: logger)
        }
        do {
            try await store.prepare()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// The location without any password, for logs.
    public var description: String {
        switch self {
        case .memory: "memory:"
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let configuration): configuration.description
        }
    }
}
