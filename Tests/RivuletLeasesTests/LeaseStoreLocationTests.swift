import Foundation
import Testing
@testable import RivuletLeases

@Suite struct LeaseStoreLocationTests {
    @Test func parsesFilePathsAndSQLiteLocations() throws {
        guard case .sqlite(let plain) = try LeaseStoreLocation(parsing: "/var/lib/app/leases.db") else {
            Issue.record("a plain path is SQLite")
            return
        }
        #expect(plain == "/var/lib/app/leases.db")
        guard case .sqlite(let prefixed) = try LeaseStoreLocation(parsing: "sqlite:relative/leases.db") else {
            Issue.record("sqlite: is SQLite")
            return
        }
        #expect(prefixed == "relative/leases.db")
        guard case .memory = try LeaseStoreLocation(parsing: "memory:") else {
            Issue.record("memory: is in memory")
            return
        }
        #expect(throws: LeaseStoreError.self) { try LeaseStoreLocation(parsing: "sqlite:") }
        #expect(throws: LeaseStoreError.self) { try LeaseStoreLocation(parsing: "mysql://host/db") }
    }

    @Test func parsesPostgresURLs() throws {
        guard case .postgres(let configuration) = try LeaseStoreLocation(
            parsing: "postgres://us%40er:p%3Ass@db.example.com:6543/leases?sslmode=verify-full&schema=kcl")
        else {
            Issue.record("a postgres:// URL is PostgreSQL")
            return
        }
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "us@er")
        #expect(configuration.password == "p:ss")
        #expect(configuration.database == "leases")
        #expect(configuration.tlsMode == .verifyFull)
        #expect(configuration.schema == "kcl")
        #expect(!configuration.description.contains("p:ss"))
    }

    @Test func choosesTLSByHostUnlessTold() throws {
        #expect(try PostgresLeaseStoreConfiguration(url: "postgres://u@127.0.0.1/d").tlsMode == .disable)
        #expect(try PostgresLeaseStoreConfiguration(url: "postgresql://u@localhost/d").tlsMode == .disable)
        #expect(try PostgresLeaseStoreConfiguration(url: "postgres://u@[::1]:5432/d").host == "::1")
        #expect(try PostgresLeaseStoreConfiguration(url: "postgres://u@db.internal/d").tlsMode == .prefer)
        #expect(try PostgresLeaseStoreConfiguration(url: "postgres://u@db/d?sslmode=disable").tlsMode == .disable)
        #expect(try PostgresLeaseStoreConfiguration(url: "postgres://u@db/d").port == 5432)
    }

    @Test func refusesBadPostgresURLs() {
        for url in [
            "postgres://host/db", "postgres://u@/db", "postgres://u@h/d?sslmode=sometimes", "postgres://u@h/d?x=1",
            "postgres://u@h/d?schema=bad-name", "postgres://u@h:99999/d",
        ] {
            #expect(throws: LeaseStoreError.self, "\(url)") { try PostgresLeaseStoreConfiguration(url: url) }
        }
    }

    @Test func opensAndPreparesAnSQLiteStore() async throws {
        let directory = try LeaseStoreFixture.temporaryDirectory()
        let path = directory.appendingPathComponent("leases.sqlite").path
        let store = try await LeaseStoreLocation(parsing: "sqlite:\(path)").open(application: "app")
        #expect(try await store.createLeaseIfNotExists(Lease(leaseKey: "s")))
        try await store.close()
        let reopened = try await LeaseStoreLocation(parsing: path).open(application: "app")
        #expect(try await reopened.listLeases().map(\.leaseKey) == ["s"])
        try await reopened.close()
        try? FileManager.default.removeItem(at: directory)
    }

    @Test func refusesBadApplicationNames() async {
        await #expect(throws: LeaseStoreError.self) { _ = try await LeaseStoreLocation.memory.open(application: "a/b") }
    }
}
