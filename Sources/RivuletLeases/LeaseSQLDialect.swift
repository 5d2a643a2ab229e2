/// The little that differs between SQLite and PostgreSQL in the lease table's statements.
enum LeaseSQLDialect: Sendable {
    case sqlite
    case postgres

    /// The n-th (1-based) bound parameter. SQLite's `?NNN` is used rather than `$N`, which SQLite would read as a
    /// named parameter numbered by first appearance.
    func placeholder(_ index: Int) -> String {
        switch self {
        case .sqlite: "?\(index)"
        case .postgres: "$\(index)"
        }
    }
}
