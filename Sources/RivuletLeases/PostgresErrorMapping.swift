import PostgresNIO

/// Turns the driver's errors into `LeaseStoreError`. PSQLError's own description hides the server's message (it
/// may quote data), so the parts an operator needs, the state code and the message, are picked out here.
enum PostgresErrorMapping {
    static func leaseStoreError(_ error: any Error, operation: String) -> LeaseStoreError {
        if let error = error as? LeaseStoreError { return error }
        guard let error = error as? PSQLError else {
            return LeaseStoreError(operation: operation, reason: "PostgreSQL: \(error)")
        }
        if let server = error.serverInfo {
            let state = server[.sqlState] ?? "?"
            let message = server[.message] ?? "no message"
            return LeaseStoreError(operation: operation, reason: "PostgreSQL error \(state): \(message)")
        }
        let underlying = error.underlying.map { ": \($0)" } ?? ""
        return LeaseStoreError(operation: operation, reason: "PostgreSQL \(error.code)\(underlying)")
    }

    /// Whether the error means the connection is gone, so that one fresh connection is worth a try.
    static func isConnectionLost(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        default: return false
        }
    }
}
