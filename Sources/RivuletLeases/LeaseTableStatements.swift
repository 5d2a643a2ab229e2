/// The statements both SQL stores run, written once for both databases.
///
/// All applications share one table, `rivulet_leases`, keyed by (application, lease_key), rather than one table
/// per application: the application name, which is user input, is then only ever a bound value, never spliced into
/// SQL, and PostgreSQL's 63-byte limit on identifiers cannot silently truncate two long names into one table.
/// Each application still sees only its own rows, as if it had a table of its own.
///
/// Every conditional write is a single UPDATE (or DELETE) whose WHERE clause carries the condition and whose
/// RETURNING clause yields the row as written, so the check and the write are one atomic step in the database and
/// two workers racing for the same lease cannot both succeed.
struct LeaseTableStatements: Sendable {
    static let tableName = "rivulet_leases"

    /// The columns of a lease, in the order `LeaseRowDecoder` reads them.
    static let leaseColumns = [
        "lease_key", "lease_owner", "lease_counter", "checkpoint", "checkpoint_sub_sequence_number",
        "pending_checkpoint", "pending_checkpoint_sub_sequence_number", "owner_switches_since_checkpoint",
        "parent_shard_ids", "child_shard_ids", "starting_hash_key", "ending_hash_key",
    ]

    let dialect: LeaseSQLDialect
    let application: ApplicationName
    /// PostgreSQL only: a schema already checked to be a plain identifier, so that it needs no quoting.
    var schema: String? = nil

    private var table: String { schema.map { "\($0).\(Self.tableName)" } ?? Self.tableName }
    private var returning: String { "RETURNING " + Self.leaseColumns.joined(separator: ", ") }
    private func p(_ index: Int) -> String { dialect.placeholder(index) }

    /// BIGINT is a 64-bit integer in PostgreSQL and has integer affinity in SQLite; sequence numbers are text
    /// because they outgrow 64 bits (56 digits and more).
    var createTable: String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            application TEXT NOT NULL,
            lease_key TEXT NOT NULL,
            lease_owner TEXT,
            lease_counter BIGINT NOT NULL,
            checkpoint TEXT NOT NULL,
            checkpoint_sub_sequence_number BIGINT NOT NULL,
            pending_checkpoint TEXT,
            pending_checkpoint_sub_sequence_number BIGINT,
            owner_switches_since_checkpoint BIGINT NOT NULL,
            parent_shard_ids TEXT NOT NULL,
            child_shard_ids TEXT NOT NULL,
            starting_hash_key TEXT,
            ending_hash_key TEXT,
            PRIMARY KEY (application, lease_key)
        )
        """
    }

    /// Lists one more than the limit, so that a table over the limit is noticed rather than cut silently.
    func listLeases() -> LeaseStatement {
        LeaseStatement(
            sql: """
                SELECT \(Self.leaseColumns.joined(separator: ", ")) FROM \(table)
                WHERE application = \(p(1)) ORDER BY lease_key LIMIT \(p(2))
                """,
            binds: [.text(application.rawValue), .integer(Int64(LeaseStoreLimits.leasesPerApplicationMax + 1))])
    }

    func lease(forKey leaseKey: String) -> LeaseStatement {
        LeaseStatement(
            sql: """
                SELECT \(Self.leaseColumns.joined(separator: ", ")) FROM \(table)
                WHERE application = \(p(1)) AND lease_key = \(p(2))
                """,
            binds: [.text(application.rawValue), .text(leaseKey)])
    }

    func countLeases() -> LeaseStatement {
        LeaseStatement(
            sql: "SELECT COUNT(*) FROM \(table) WHERE application = \(p(1))",
            binds: [.text(application.rawValue)])
    }

    /// Inserts unless the key exists; returns the key only when a row was inserted.
    func insertIfNotExists(_ lease: Lease) -> LeaseStatement {
        let columns = ["application"] + Self.leaseColumns
        let placeholders = (1...columns.count).map(p).joined(separator: ", ")
        return LeaseStatement(
            sql: """
                INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
                ON CONFLICT (application, lease_key) DO NOTHING RETURNING lease_key
                """,
            binds: [.text(application.rawValue)] + Self.values(of: lease))
    }

    /// Deletes if the counter is unchanged; returns the key only when a row was deleted.
    func delete(_ lease: Lease) -> LeaseStatement {
        LeaseStatement(
            sql: """
                DELETE FROM \(table) WHERE application = \(p(1)) AND lease_key = \(p(2)) AND lease_counter = \(p(3))
                RETURNING lease_key
                """,
            binds: [.text(application.rawValue), .text(lease.leaseKey), .integer(lease.leaseCounter)])
    }

    /// The conditional UPDATE for `write`, as `LeaseWrite` defines it. Parameters 1 to 3 (and 4 when the owner is
    /// part of the condition) are the condition; the ones after are the change.
    func update(_ write: LeaseWrite, expected: Lease) -> LeaseStatement {
        var binds: [LeaseSQLValue] = [
            .text(application.rawValue), .text(expected.leaseKey), .integer(expected.leaseCounter),
        ]
        var condition = "application = \(p(1)) AND lease_key = \(p(2)) AND lease_counter = \(p(3))"
        if write.requiresUnchangedOwner {
            binds.append(LeaseSQLValue(expected.leaseOwner))
            condition += " AND lease_owner IS NOT DISTINCT FROM \(p(4))"
        }
        let first = binds.count + 1
        var assignments = ["lease_counter = lease_counter + 1"]
        switch write {
        case .renew:
            break
        case .take(let owner):
            binds.append(.text(owner))
            // Both sides of SET see the row as it was before the update, so lease_owner here is the previous owner.
            assignments += [
                "lease_owner = \(p(first))",
                """
                owner_switches_since_checkpoint = owner_switches_since_checkpoint + \
                CASE WHEN lease_owner IS NOT NULL AND lease_owner <> \(p(first)) THEN 1 ELSE 0 END
                """,
            ]
        case .evict:
            assignments.append("lease_owner = NULL")
        case .checkpoint(let checkpoint):
            binds += [.text(checkpoint.sequenceNumber), .integer(checkpoint.subSequenceNumber)]
            assignments += [
                "checkpoint = \(p(first))", "checkpoint_sub_sequence_number = \(p(first + 1))",
                "pending_checkpoint = NULL", "pending_checkpoint_sub_sequence_number = NULL",
                "owner_switches_since_checkpoint = 0",
            ]
        case .pendingCheckpoint(let pending):
            binds += [LeaseSQLValue(pending?.sequenceNumber), LeaseSQLValue(pending?.subSequenceNumber)]
            assignments += [
                "pending_checkpoint = \(p(first))", "pending_checkpoint_sub_sequence_number = \(p(first + 1))",
            ]
        case .childShardIds(let children):
            binds.append(.text(ShardIdListCoding.encode(children)))
            assignments.append("child_shard_ids = \(p(first))")
        }
        return LeaseStatement(
            sql: "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(condition) \(returning)",
            binds: binds)
    }

    /// A lease's values in the order of `leaseColumns`.
    static func values(of lease: Lease) -> [LeaseSQLValue] {
        [
            .text(lease.leaseKey), LeaseSQLValue(lease.leaseOwner), .integer(lease.leaseCounter),
            .text(lease.checkpoint.sequenceNumber), .integer(lease.checkpoint.subSequenceNumber),
            LeaseSQLValue(lease.pendingCheckpoint?.sequenceNumber),
            LeaseSQLValue(lease.pendingCheckpoint?.subSequenceNumber),
            .integer(lease.ownerSwitchesSinceCheckpoint),
            .text(ShardIdListCoding.encode(lease.parentShardIds)),
            .text(ShardIdListCoding.encode(lease.childShardIds)),
            LeaseSQLValue(lease.startingHashKey), LeaseSQLValue(lease.endingHashKey),
        ]
    }
}
