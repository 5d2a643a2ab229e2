import Foundation
import Logging
import RivuletCore
import SQLiteNIO

/// The agent's checkpoints in an SQLite file (the Kinesis Agent keeps its checkpoints in SQLite too), in WAL mode
/// with synchronous writes, so a checkpoint that was written survives a crash of the process or the machine.
///
/// Tables: `flows` (one row per flow that has ever started, and its last error) and `file_checkpoints` (one row per
/// file of a flow, keyed by device and inode). `rivulet agent status` reads the same file while the agent runs.
///
/// Every call holds the store's gate for its statements: the flows of one agent share the connection, and a
/// transaction's statements must not interleave with another call's.
public final class SQLiteCheckpointStore: CheckpointStore {
    public let path: String
    private let connection: SQLiteConnection
    private let gate = AsyncGate()

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
    }

    /// Opens the database at `path`, creating it and its folder if missing.
    public static func open(path: String, logger: Logger) async throws(CheckpointStoreError) -> SQLiteCheckpointStore {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            } catch {
                throw CheckpointStoreError(
                    path: path, operation: "open",
                    reason: "cannot create the folder \(folder) (\(error.localizedDescription)); "
                        + "set checkpointFile to a writable path")
            }
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw CheckpointStoreError(path: path, operation: "open", reason: "\(error)")
        }
        let store = SQLiteCheckpointStore(path: path, connection: connection)
        do {
            try await store.prepareRetryingWhileBusy()
        } catch {
            try? await connection.close()
            throw error
        }
        return store
    }

    /// Another process (a second agent, `rivulet agent status`) opening the file at the same moment can hold the
    /// lock that switching to WAL or creating the tables needs; SQLite then answers "busy" at once rather than
    /// waiting. Preparing is idempotent, so it is simply tried again for a while.
    private func prepareRetryingWhileBusy() async throws(CheckpointStoreError) {
        var delayMilliseconds = 10
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            do {
                try await prepare()
                return
            } catch {
                let busy = error.reason.contains("busy") || error.reason.contains("locked")
                guard busy, ContinuousClock.now < deadline else { throw error }
                try? await Task.sleep(for: .milliseconds(delayMilliseconds))
                delayMilliseconds = min(delayMilliseconds * 2, 500)
            }
        }
    }

    private func prepare() async throws(CheckpointStoreError) {
        try await run("PRAGMA busy_timeout = 5000", operation: "open")
        // Switching needs an exclusive lock; a file already in WAL (the mode persists) is left alone.
        let mode = try await run("PRAGMA journal_mode", operation: "open").first?.column("journal_mode")?.string
        if mode?.lowercased() != "wal" {
            try await run("PRAGMA journal_mode = WAL", operation: "open")
        }
        // FULL: a checkpoint is the promise that the lines before it are in the stream; it must survive a power cut.
        try await run("PRAGMA synchronous = FULL", operation: "open")
        try await run(
            """
            CREATE TABLE IF NOT EXISTS flows (
                flow TEXT PRIMARY KEY, stream TEXT NOT NULL, first_started INTEGER NOT NULL,
                last_error TEXT, last_error_at INTEGER)
            """, operation: "open")
        try await run(
            """
            CREATE TABLE IF NOT EXISTS file_checkpoints (
                flow TEXT NOT NULL, device INTEGER NOT NULL, inode INTEGER NOT NULL, path TEXT NOT NULL,
                content_prefix BLOB NOT NULL, offset_bytes INTEGER NOT NULL, size_bytes INTEGER NOT NULL,
                updated INTEGER NOT NULL, PRIMARY KEY (flow, device, inode))
            """, operation: "open")
    }


    // MARK: Guarded entry points: one transaction's statements never interleave with another call's

    public func startFlow(_ flow: String, streamName: String, nowMilliseconds: Int64) async throws
        -> (record: FlowRecord, isNew: Bool)
    {
        try await gate.withGate { try await self.unguardedStartFlow(flow, streamName: streamName, nowMilliseconds: nowMilliseconds) }
    }

    public func recordError(_ message: String?, flow: String, nowMilliseconds: Int64) async throws {
        try await gate.withGate { try await self.unguardedRecordError(message, flow: flow, nowMilliseconds: nowMilliseconds) }
    }

    public func flowRecords() async throws -> [FlowRecord] {
        try await gate.withGate { try await self.unguardedFlowRecords() }
    }

    public func checkpoints(flow: String) async throws -> [FileCheckpoint] {
        try await gate.withGate { try await self.unguardedCheckpoints(flow: flow) }
    }

    public func save(
        _ checkpoints: [FileCheckpoint], removing removed: [(device: UInt64, inode: UInt64)], flow: String
    ) async throws {
        try await gate.withGate { try await self.unguardedSave(checkpoints, removing: removed, flow: flow) }
    }

    public func expire(before cutoffMilliseconds: Int64) async throws {
        try await gate.withGate { try await self.unguardedExpire(before: cutoffMilliseconds) }
    }

    public func close() async {
        await gate.withGate { try? await self.connection.close() }
    }

    // MARK: Flows

    /// The flow's record, creating it (first start now) if the flow never ran; `isNew` tells which.
    private func unguardedStartFlow(_ flow: String, streamName: String, nowMilliseconds: Int64) async throws(CheckpointStoreError)
        -> (record: FlowRecord, isNew: Bool)
    {
        // One statement decides, so two agents starting the same flow at once cannot both take it for new.
        let inserted = try await run(
            "INSERT INTO flows (flow, stream, first_started) VALUES (?, ?, ?) ON CONFLICT (flow) DO NOTHING RETURNING flow",
            [.text(flow), .text(streamName), .integer(Int(nowMilliseconds))], operation: "startFlow")
        if !inserted.isEmpty {
            return (FlowRecord(flow: flow, streamName: streamName, firstStartedMilliseconds: nowMilliseconds), true)
        }
        guard let existing = try await unguardedFlowRecords().first(where: { $0.flow == flow }) else {
            throw CheckpointStoreError(path: path, operation: "startFlow", reason: "the flow's row vanished")
        }
        return (existing, false)
    }

    private func unguardedRecordError(_ message: String?, flow: String, nowMilliseconds: Int64) async throws(CheckpointStoreError) {
        try await run(
            "UPDATE flows SET last_error = ?, last_error_at = ? WHERE flow = ?",
            [message.map { .text($0) } ?? .null, message == nil ? .null : .integer(Int(nowMilliseconds)), .text(flow)],
            operation: "recordError")
    }

    private func unguardedFlowRecords() async throws(CheckpointStoreError) -> [FlowRecord] {
        let rows = try await run(
            "SELECT flow, stream, first_started, last_error, last_error_at FROM flows ORDER BY flow", operation: "read")
        return rows.compactMap { row in
            guard let flow = row.column("flow")?.string, let stream = row.column("stream")?.string,
                let started = row.column("first_started")?.integer
            else { return nil }
            return FlowRecord(
                flow: flow, streamName: stream, firstStartedMilliseconds: Int64(started),
                lastError: row.column("last_error")?.string,
                lastErrorMilliseconds: row.column("last_error_at")?.integer.map(Int64.init))
        }
    }

    // MARK: File checkpoints

    private func unguardedCheckpoints(flow: String) async throws(CheckpointStoreError) -> [FileCheckpoint] {
        let rows = try await run(
            """
            SELECT path, device, inode, content_prefix, offset_bytes, size_bytes, updated
            FROM file_checkpoints WHERE flow = ? ORDER BY updated, path
            """, [.text(flow)], operation: "read")
        return rows.compactMap(Self.checkpoint(from:))
    }

    /// Writes `checkpoints` and removes the rows of `removed` (device, inode) in one transaction.
    private func unguardedSave(
        _ checkpoints: [FileCheckpoint], removing removed: [(device: UInt64, inode: UInt64)], flow: String
    ) async throws(CheckpointStoreError) {
        guard !checkpoints.isEmpty || !removed.isEmpty else { return }
        try await inTransaction { () async throws(CheckpointStoreError) in
            try await self.write(checkpoints, removing: removed, flow: flow)
        }
    }

    private func inTransaction(_ body: () async throws(CheckpointStoreError) -> Void) async throws(CheckpointStoreError) {
        try await run("BEGIN IMMEDIATE", operation: "save")
        do {
            try await body()
            try await run("COMMIT", operation: "save")
        } catch {
            _ = try? await run("ROLLBACK", operation: "save")
            throw error
        }
    }

    private func write(
        _ checkpoints: [FileCheckpoint], removing removed: [(device: UInt64, inode: UInt64)], flow: String
    ) async throws(CheckpointStoreError) {
            for identity in removed {
                try await run(
                    "DELETE FROM file_checkpoints WHERE flow = ? AND device = ? AND inode = ?",
                    [.text(flow), Self.integer(identity.device), Self.integer(identity.inode)], operation: "save")
            }
            for checkpoint in checkpoints {
                try await run(
                    """
                    INSERT INTO file_checkpoints
                        (flow, device, inode, path, content_prefix, offset_bytes, size_bytes, updated)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (flow, device, inode) DO UPDATE SET path = excluded.path,
                        content_prefix = excluded.content_prefix, offset_bytes = excluded.offset_bytes,
                        size_bytes = excluded.size_bytes, updated = excluded.updated
                    """,
                    [
                        .text(flow), Self.integer(checkpoint.device), Self.integer(checkpoint.inode),
                        .text(checkpoint.path), .blob(ByteBuffer(bytes: checkpoint.contentPrefix)),
                        .integer(Int(checkpoint.offsetBytes)), .integer(Int(checkpoint.sizeBytes)),
                        .integer(Int(checkpoint.updatedMilliseconds)),
                    ], operation: "save")
            }
    }

    /// Removes checkpoints not updated since `cutoffMilliseconds` (checkpointTimeToLiveDays), as the Kinesis Agent
    /// does, so the table does not grow with every rotated file forever.
    private func unguardedExpire(before cutoffMilliseconds: Int64) async throws(CheckpointStoreError) {
        try await run(
            "DELETE FROM file_checkpoints WHERE updated < ?", [.integer(Int(cutoffMilliseconds))], operation: "expire")
    }

    // MARK: Plumbing

    private static func integer(_ value: UInt64) -> SQLiteData {
        .integer(Int(Int64(bitPattern: value)))
    }

    private static func checkpoint(from row: SQLiteRow) -> FileCheckpoint? {
        guard let path = row.column("path")?.string, let device = row.column("device")?.integer,
            let inode = row.column("inode")?.integer, let offset = row.column("offset_bytes")?.integer,
            let size = row.column("size_bytes")?.integer, let updated = row.column("updated")?.integer
        else { return nil }
        var prefix: [UInt8] = []
        if case .blob(var buffer) = row.column("content_prefix") {
            prefix = buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        return FileCheckpoint(
            path: path, device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)),
            contentPrefix: prefix, offsetBytes: Int64(offset), sizeBytes: Int64(size),
            updatedMilliseconds: Int64(updated))
    }

    @discardableResult
    private func run(_ sql: String, _ binds: [SQLiteData] = [], operation: String) async throws(CheckpointStoreError)
        -> [SQLiteRow]
    {
        do {
            return try await connection.query(sql, binds)
        } catch {
            throw CheckpointStoreError(path: path, operation: operation, reason: "\(error)")
        }
    }
}
