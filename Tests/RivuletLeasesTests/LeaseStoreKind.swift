import Testing

/// The lease store implementations one conformance suite runs against.
enum LeaseStoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// In-memory and SQLite always; PostgreSQL only when a test server is configured. Without one the PostgreSQL
    /// arguments are left out here, and PostgresLeaseStoreTests shows the skip.
    static var available: [LeaseStoreKind] {
        PostgresTestEnvironment.url == nil ? [.memory, .sqlite] : allCases
    }

    /// The kinds whose stores are separate connections to shared storage, which is what several worker
    /// processes have.
    static var shared: [LeaseStoreKind] { available.filter { $0 != .memory } }
}
