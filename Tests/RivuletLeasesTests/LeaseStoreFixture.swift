import Foundation
import Synchronization
import Testing
@testable import RivuletLeases

/// A fresh, prepared lease table for one test, with a way to open more stores on it as other workers would. Each
/// fixture has an application name of its own, and SQLite fixtures a file of their own, so tests running in
/// parallel never see each other's leases.
final class LeaseStoreFixture: Sendable {
    let kind: LeaseStoreKind
    let application: String
    let store: any LeaseStore
    /// SQLite only: the database file.
    let sqlitePath: String?
    private let directory: URL?
    private let opened: Mutex<[any LeaseStore]>

    private init(kind: LeaseStoreKind, application: String, store: any LeaseStore, sqlitePath: String?, directory: URL?) {
        self.kind = kind
        self.application = application
        self.store = store
        self.sqlitePath = sqlitePath
        self.directory = directory
        self.opened = Mutex([store])
    }

    /// Runs `body` with a fixture of `kind`, then closes every store it opened and removes its files.
    static func with<Result>(
        _ kind: LeaseStoreKind, _ body: (LeaseStoreFixture) async throws -> Result
    ) async throws -> Result {
        let fixture = try await make(kind)
        do {
            let result = try await body(fixture)
            try await fixture.tearDown()
            return result
        } catch {
            try? await fixture.tearDown()
            throw error
        }
    }

    /// Another store on the same table: a new connection for the SQL stores, the same object for the in-memory
    /// one (which cannot be shared any other way). With another application name, that application's store.
    func openAnother(application other: String? = nil) async throws -> any LeaseStore {
        let application = other ?? self.application
        let store: any LeaseStore
        switch kind {
        case .memory:
            store = other == nil ? self.store : InMemoryLeaseStore()
        case .sqlite:
            store = try await SQLiteLeaseStore.open(path: sqlitePath!, application: application)
        case .postgres:
            store = try await PostgresLeaseStore.connect(url: PostgresTestEnvironment.url!, application: application)
        }
        opened.withLock { $0.append(store) }
        try await store.prepare()
        return store
    }

    private static func make(_ kind: LeaseStoreKind) async throws -> LeaseStoreFixture {
        let application = "test-\(UInt64.random(in: 0...UInt64.max))"
        switch kind {
        case .memory:
            return LeaseStoreFixture(
                kind: kind, application: application, store: InMemoryLeaseStore(), sqlitePath: nil, directory: nil)
        case .sqlite:
            let directory = try temporaryDirectory()
            let path = directory.appendingPathComponent("leases.sqlite").path
            let store = try await SQLiteLeaseStore.open(path: path, application: application)
            let fixture = LeaseStoreFixture(
                kind: kind, application: application, store: store, sqlitePath: path, directory: directory)
            try await store.prepare()
            return fixture
        case .postgres:
            let url = try #require(PostgresTestEnvironment.url)
            let store = try await PostgresLeaseStore.connect(url: url, application: application)
            try await store.prepare()
            return LeaseStoreFixture(kind: kind, application: application, store: store, sqlitePath: nil, directory: nil)
        }
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rivulet-leases-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func tearDown() async throws {
        let stores = opened.withLock { stores in
            defer { stores.removeAll() }
            return stores
        }
        // Rows of the shared PostgreSQL table are removed, so a long-lived test database does not fill up.
        if kind == .postgres, let postgres = store as? PostgresLeaseStore {
            _ = try? await postgres.session.rows(
                "DELETE FROM rivulet_leases WHERE application = \(application)", operation: "test clean-up")
        }
        for store in stores { try await store.close() }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }
}
