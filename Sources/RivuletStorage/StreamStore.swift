import RivuletCore

/// Durable storage of streams: a catalog of stream descriptors and one append-only log per shard.
///
/// The store does not interpret the API: it does not route records, validate names or move statuses. It persists what
/// the server decides, atomically, and appends and reads records. Two implementations pass one conformance suite:
/// `FileStreamStore` (the embedded default) and `MemoryStreamStore` (its in-memory twin).
public protocol StreamStore: Sendable {
    // MARK: Catalog

    /// All streams of every scope, in no particular order.
    func streams() async throws -> [StreamDescriptor]

    func stream(_ key: StreamKey) async throws -> StreamDescriptor?

    /// Adds a stream and creates its shards' logs. Throws `StorageError.streamExists` if the key is taken.
    func createStream(_ descriptor: StreamDescriptor) async throws

    /// Reads, changes and persists one stream atomically: concurrent updates of the same stream are serialised, and
    /// if `change` throws, nothing is written and the error is rethrown. Shards added by `change` get logs; shards it
    /// removes lose their records. When `change` closes an open shard (sets its `closedAtPosition`), the store refuses
    /// appends to it from then on and records as `closedAtPosition` the position after the last record it accepted,
    /// whatever value `change` set, so no record can land beyond a shard's end.
    /// Throws `StorageError.streamNotFound` if there is no such stream.
    @discardableResult
    func updateStream(
        _ key: StreamKey, _ change: @Sendable (inout StreamDescriptor) throws -> Void
    ) async throws -> StreamDescriptor

    /// Removes a stream from the catalog and deletes its records. Throws `StorageError.streamNotFound`.
    func deleteStream(_ key: StreamKey) async throws

    // MARK: Records

    /// Appends each batch to its shard, in order, and returns one receipt per batch (same order) once the records are
    /// as durable as the fsync policy promises. Records become readable only after that.
    /// Throws `StorageError.streamNotFound`, `.shardNotFound`, `.shardClosed`, or `.io` (the store stays consistent:
    /// a failed append leaves no partial record behind and later appends still work).
    func append(_ key: StreamKey, _ batches: [ShardAppend]) async throws -> [AppendReceipt]

    /// Reads up to `recordLimit` records and about `byteLimit` bytes of data plus partition keys (at least one record
    /// is returned if any exists, whatever its size) starting at `position`, or at the trim horizon if `position` is
    /// older than that.
    func read(
        _ key: StreamKey, shardIndex: Int, from position: UInt64, recordLimit: Int, byteLimit: Int
    ) async throws -> ShardReadResult

    /// The position of the first record whose arrival time is at or after `milliseconds`, or the shard's next position
    /// if there is none.
    func position(_ key: StreamKey, shardIndex: Int, atTimestamp milliseconds: Int64) async throws -> UInt64

    func shardState(_ key: StreamKey, shardIndex: Int) async throws -> ShardState

    // MARK: Housekeeping

    /// Deletes whole stored segments whose every record is older than the stream's retention at `nowMilliseconds`.
    /// Returns how many bytes were freed.
    @discardableResult
    func enforceRetention(nowMilliseconds: Int64) async throws -> Int64

    /// Bytes of record data on disk (or in memory for the twin), for metrics.
    func storedBytes() async -> Int64

    /// Flushes and closes everything. The store must not be used afterwards.
    func close() async throws
}

/// Operating errors of a store.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case streamExists(StreamKey)
    case streamNotFound(StreamKey)
    case shardNotFound(StreamKey, shardIndex: Int)
    case shardClosed(StreamKey, shardIndex: Int)
    /// A file operation failed (disk full, permissions, I/O error). The store remains consistent.
    case io(operation: String, path: String, errno: Int32)
    /// Stored data failed its checks where it cannot be repaired by truncating a torn tail.
    case corrupt(path: String, detail: String)
    case closed

    public var description: String {
        switch self {
        case .streamExists(let key): "stream \(key) already exists"
        case .streamNotFound(let key): "stream \(key) not found"
        case .shardNotFound(let key, let index): "shard \(index) of stream \(key) not found"
        case .shardClosed(let key, let index): "shard \(index) of stream \(key) is closed"
        case .io(let operation, let path, let errno): "\(operation) failed on \(path): errno \(errno)"
        case .corrupt(let path, let detail): "corrupt data in \(path): \(detail)"
        case .closed: "the store is closed"
        }
    }
}
