import Foundation

/// The PostgreSQL server the tests may use, named by `RIVULET_TEST_POSTGRES_URL` (scripts/test starts one with
/// scripts/postgres-for-tests). `RIVULET_REQUIRE_POSTGRES=1` turns a missing server from a skip into a failure.
enum PostgresTestEnvironment {
    static var url: String? {
        ProcessInfo.processInfo.environment["RIVULET_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isRequired: Bool {
        ProcessInfo.processInfo.environment["RIVULET_REQUIRE_POSTGRES"] == "1"
    }

    /// The test server's URL with one more query parameter.
    static func url(adding parameter: String) -> String? {
        url.map { $0 + ($0.contains("?") ? "&" : "?") + parameter }
    }
}
