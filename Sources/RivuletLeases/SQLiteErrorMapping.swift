import SQLiteNIO

/// Turns the driver's errors into `LeaseStoreError`, naming the cases an operator can act on.
enum SQLiteErrorMapping {
    static func leaseStoreError(_ error: any Error, operation: String) -> LeaseStoreError {
        if let error = error as? LeaseStoreError { return error }
        guard let error = error as? SQLiteError else {
            return LeaseStoreError(operation: operation, reason: "\(error)")
        }
        switch error.reason {
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked:
            return LeaseStoreError(
                operation: operation,
                reason: "the database stayed locked by another connection for over "
                    + "\(LeaseStoreLimits.sqliteBusyTimeoutMilliseconds) ms (\(error.message))")
        default:
            return LeaseStoreError(operation: operation, reason: "SQLite: \(error)")
        }
    }
}
