/// One SQL statement with its bound values, built by `LeaseTableStatements` and run by a store's driver.
struct LeaseStatement: Sendable {
    var sql: String
    var binds: [LeaseSQLValue]
}
