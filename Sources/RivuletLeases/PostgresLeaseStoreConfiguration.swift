import Foundation
import PostgresNIO

/// Where a PostgreSQL lease store lives, read from a URL such as
/// `postgres://user:password@host:5432/database?sslmode=require`.
///
/// `sslmode` follows libpq's names: `disable`, `prefer` and `require` (encrypted, certificate not checked) and
/// `verify-full` (certificate and host name checked). Without it, TLS is off for loopback hosts, where it protects
/// nothing, and preferred elsewhere, as libpq does. `schema` puts the lease table in a schema of its own (created
/// by `prepare()` when missing) instead of the user's default one.
public struct PostgresLeaseStoreConfiguration: Sendable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String?
    public var tlsMode: TLSMode
    /// A schema for the lease table: letters, digits and '_', starting with a letter or '_', at most 63 bytes, so
    /// that it can qualify the table's name in SQL without quoting.
    public var schema: String?

    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String?,
        tlsMode: TLSMode? = nil, schema: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode ?? (Self.isLoopback(host) ? .disable : .prefer)
        self.schema = schema
    }

    /// Parses a `postgres://` or `postgresql://` URL; user name and password may be percent-encoded.
    public init(url text: String) throws(LeaseStoreError) {
        func invalid(_ reason: String) -> LeaseStoreError {
            LeaseStoreError(operation: "open", reason: "invalid PostgreSQL URL: \(reason)")
        }
        guard let components = URLComponents(string: text) else { throw invalid("cannot be parsed") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw invalid("the scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        guard let username = components.user, !username.isEmpty else { throw invalid("no user name") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw invalid("port \(port) is out of range") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var tlsMode: TLSMode?
        var schema: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw invalid("sslmode must be disable, prefer, require or verify-full")
                }
                tlsMode = mode
            case "schema":
                guard let name = item.value, Self.isValidSchema(name) else {
                    throw invalid("schema must be letters, digits and '_', not starting with a digit, up to 63 bytes")
                }
                schema = name
            default:
                throw invalid("unsupported parameter '\(item.name)'")
            }
        }
        // Brackets around an IPv6 address belong to the URL, not to the address.
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(
            host: bareHost, port: port, username: username, password: components.password,
            database: path.isEmpty ? nil : path, tlsMode: tlsMode, schema: schema)
    }

    /// The URL without its password, for logs and errors.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        let schemaParameter = schema.map { "&schema=\($0)" } ?? ""
        return "postgres://\(credentials)@\(host):\(port)/\(database ?? "")?sslmode=\(tlsMode.rawValue)\(schemaParameter)"
    }

    /// The driver's configuration, with the lease store's time limits.
    func connectionConfiguration(application: ApplicationName) throws(LeaseStoreError) -> PostgresConnection.Configuration {
        if let schema, !Self.isValidSchema(schema) {
            throw LeaseStoreError(operation: "open", reason: "schema '\(schema)' is not a plain identifier")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: try tls())
        configuration.options.connectTimeout = .milliseconds(Int64(LeaseStoreLimits.postgresConnectTimeoutMilliseconds))
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", "\(LeaseStoreLimits.postgresStatementTimeoutMilliseconds)"),
            // Shown in pg_stat_activity, so an operator can tell which application's workers hold connections.
            ("application_name", String("rivulet-leases:\(application)".prefix(63))),
        ]
        return configuration
    }

    private func tls() throws(LeaseStoreError) -> PostgresConnection.Configuration.TLS {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable: return .disable
        case .prefer, .require: tlsConfiguration.certificateVerification = .none
        case .verifyFull: break
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw LeaseStoreError(operation: "open", reason: "cannot set up TLS: \(error)")
        }
        return tlsMode == .prefer ? .prefer(context) : .require(context)
    }

    static func isValidSchema(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isLetter = { (byte: UInt8) in
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
        }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || isDigit($0) }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
