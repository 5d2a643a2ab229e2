import PostgresNIO
import Testing
@testable import RivuletLeases

/// What only the PostgreSQL store promises. These need a server: scripts/test starts one and sets
/// RIVULET_TEST_POSTGRES_URL; without it they are skipped (and the PostgreSQL arguments of the shared suites left
/// out), unless RIVULET_REQUIRE_POSTGRES=1 asks for a failure instead.
@Suite(.enabled(if: PostgresTestEnvironment.url != nil, "set RIVULET_TEST_POSTGRES_URL (scripts/postgres-for-tests)"))
struct PostgresLeaseStoreTests {
    @Test func workersPreparingAFreshTableAtOnceAllSucceed() async throws {
        let schema = "rivulet_test_\(UInt64.random(in: 0...UInt64.max))"
        let url = try #require(PostgresTestEnvironment.url(adding: "schema=\(schema)"))
        var stores: [PostgresLeaseStore] = []
        for index in 0..<6 {
            stores.append(try await PostgresLeaseStore.connect(url: url, application: "prepare-\(index)"))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { try await store.prepare() } }
            try await group.waitForAll()
        }
        #expect(try await stores[0].createLeaseIfNotExists(Lease(leaseKey: "s")))
        #expect(try await stores[1].listLeases().isEmpty, "another application")
        _ = try await stores[0].session.rows("DROP SCHEMA \(unescaped: schema) CASCADE", operation: "test clean-up")
        for store in stores { try await store.close() }
    }

    @Test func reconnectsWhenTheServerEndsTheConnection() async throws {
        try await LeaseStoreFixture.with(.postgres) { fixture async throws in
            let store = try #require(fixture.store as? PostgresLeaseStore)
            let killer = try #require(try await fixture.openAnother() as? PostgresLeaseStore)
            #expect(try await store.createLeaseIfNotExists(Lease(leaseKey: "s")))
            let pid = try #require(try await store.session.rows("SELECT pg_backend_pid()", operation: "test").first)
                .decode(Int32.self)
            _ = try await killer.session.rows("SELECT pg_terminate_backend(\(pid))", operation: "test")
            try await waitUntil(timeoutSeconds: 60) {
                try await killer.session.rows(
                    "SELECT 1 FROM pg_stat_activity WHERE pid = \(pid)", operation: "test"
                ).isEmpty
            }
            #expect(try await store.lease(forKey: "s") == Lease(leaseKey: "s"))
            #expect(try await store.listLeases().count == 1)
        }
    }

    @Test func aWrongPasswordIsALeaseStoreError() async throws {
        let url = try #require(PostgresTestEnvironment.url)
        var configuration = try PostgresLeaseStoreConfiguration(url: url)
        configuration.password = "not-the-password"
        let error = await #expect(throws: LeaseStoreError.self) {
            _ = try await PostgresLeaseStore.connect(configuration: configuration, application: "app")
        }
        #expect(error?.description.contains("not-the-password") == false)
    }

    @Test func callsAfterCloseAreErrors() async throws {
        let store = try await PostgresLeaseStore.connect(url: try #require(PostgresTestEnvironment.url), application: "app")
        try await store.close()
        await #expect(throws: LeaseStoreError.self) { _ = try await store.listLeases() }
    }
}

@Suite struct PostgresTestEnvironmentTests {
    @Test func aRequiredServerIsConfigured() {
        #expect(
            !PostgresTestEnvironment.isRequired || PostgresTestEnvironment.url != nil,
            "RIVULET_REQUIRE_POSTGRES=1 but RIVULET_TEST_POSTGRES_URL is not set")
    }
}
