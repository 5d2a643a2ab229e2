/// A value bound to, or read from, a lease table statement, independent of the database driver.
enum LeaseSQLValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case null

    init(_ text: String?) {
        self = text.map(LeaseSQLValue.text) ?? .null
    }

    init(_ integer: Int64?) {
        self = integer.map(LeaseSQLValue.integer) ?? .null
    }
}
