/// Every bound the system enforces, in one place, named with the unit last.
/// API limits follow the current Kinesis model (botocore's service-2.json) and AWS's documented defaults.
public enum Limits {
    // MARK: Requests
    /// Largest HTTP request body accepted: a 10 MiB PutRecords payload grows by a third in base64, plus JSON framing.
    public static let requestBodyBytesMax = 16 * 1024 * 1024
    /// Largest header block accepted before the request is refused.
    public static let requestHeaderBytesMax = 64 * 1024
    /// Concurrent client connections the server accepts; at the limit the longest-idle one makes room.
    public static let connectionsMax = 4096
    /// Request bodies held in memory at once across all connections (reserved at their declared length until the
    /// answer is written); requests beyond wait before their bodies are read.
    public static let requestBodiesInFlightBytesMax = 256 * 1024 * 1024
    /// Largest WebSocket frame and whole message accepted: a 1 MiB record in base64 with JSON framing.
    public static let webSocketMessageBytesMax = 2 * 1024 * 1024

    // MARK: Records
    public static let partitionKeyLengthMin = 1
    public static let partitionKeyLengthMax = 256
    /// Default largest record (data plus partition key), 1 MiB, as a stream's MaxRecordSizeInKiB of 1024.
    public static let recordBytesMaxDefault = 1024 * 1024
    /// The model's ceiling for a data blob (a stream configured with MaxRecordSizeInKiB 10240).
    public static let recordDataBytesMaxCeiling = 10 * 1024 * 1024
    public static let putRecordsRecordsMax = 500
    /// The whole PutRecords request: 10 MiB in the current model (it was 5 MiB until 2025).
    public static let putRecordsBytesMax = 10 * 1024 * 1024
    public static let getRecordsRecordsMax = 10_000
    public static let getRecordsBytesMax = 10 * 1024 * 1024

    // MARK: Iterators and tokens
    public static let shardIteratorLifetimeMilliseconds: Int64 = 300_000
    public static let nextTokenLifetimeMilliseconds: Int64 = 300_000

    // MARK: Streams
    public static let streamNameLengthMax = 128
    public static let shardCountMaxPerAccount = 500
    public static let onDemandStreamCountMax = 50
    public static let onDemandShardCount = 4
    public static let retentionHoursDefault = 24
    public static let retentionHoursMin = 24
    public static let retentionHoursMax = 8760
    public static let tagsPerStreamMax = 50
    public static let tagsPerRequestMax = 50
    public static let tagKeyLengthMax = 128
    public static let tagValueLengthMax = 256
    /// A put whose shard a reshard closed under it is routed again, to the children, at most this many times: one
    /// reshard at a time can close a shard, so a second attempt normally suffices.
    public static let appendRouteAttemptsMax = 4

    // MARK: Listing
    public static let listStreamsLimitDefault = 100
    public static let listStreamsLimitMax = 10_000
    public static let listShardsMaxResultsDefault = 1000
    public static let listShardsMaxResultsMax = 10_000
    public static let describeStreamLimitDefault = 100
    public static let describeStreamLimitMax = 10_000

    // MARK: Enhanced fan-out
    /// Consumers registered with one stream at a time, as AWS allows.
    public static let consumersPerStreamMax = 20
    /// Consumers in CREATING status at once on one stream, as AWS allows.
    public static let consumersCreatingMax = 5
    /// ListStreamConsumers' page size bounds (the model's).
    public static let listStreamConsumersMaxResultsDefault = 100
    public static let listStreamConsumersMaxResultsMax = 10_000
    /// Live SubscribeToShard subscriptions the server serves at once; each holds a connection.
    public static let subscriptionsMax = 1_000
    /// How long one subscription streams before the server ends it; clients subscribe again.
    public static let subscriptionLifetimeMilliseconds: Int64 = 300_000
    /// An event goes out at least this often, empty if nothing arrived, so a client sees the stream is alive.
    public static let subscriptionHeartbeatMilliseconds: Int64 = 5_000
    /// Most records and bytes one SubscribeToShardEvent carries: what enhanced fan-out delivers per shard per second.
    public static let subscriptionEventRecordsMax = 10_000
    public static let subscriptionEventBytesMax = 2 * 1024 * 1024

    // MARK: Validation
    /// At most this many constraint violations are listed in one ValidationException.
    public static let validationMessagesMax = 10
    /// Longest value, in characters, an error message repeats back. Without a cut, a 10 MiB partition key came back
    /// as a 10 MiB error; ten violations of this length keep any error answer to a few kilobytes.
    public static let echoedValueCharactersMax = 256

    // MARK: Wire protocol
    /// Deepest nesting of arrays and objects a body may have. The deepest shape of the API nests four levels; the
    /// margin tolerates clients that wrap, while a hostile body cannot exhaust the parser's stack.
    public static let bodyNestingDepthMax = 64
    /// Elements of one array the parsers keep. Every list in the model holds at most 500, and a longer one is
    /// refused by its length constraint whatever its length, so the rest are read for syntax and dropped: a
    /// PutRecords of 300,000 entries is refused at the memory cost of a thousand.
    public static let bodyArrayElementsKeptMax = 1_000
    /// The model's bound on a ShardIterator.
    public static let shardIteratorLengthMax = 512
    /// Longest account id or region name an iterator carries, so that every iterator fits the 512 characters.
    public static let iteratorScopeBytesMax = 64

    // MARK: Request signing
    /// How far a request's signing time may lie from the server's clock, either way: AWS allows 15 minutes.
    public static let clockSkewSecondsMax: Int64 = 15 * 60
    /// Longest region name accepted in a credential scope. Real ones are under 20 characters; the region names a
    /// directory of streams on the server, so it is kept short and plain.
    public static let regionLengthMax = 64

    // MARK: Encryption at rest
    /// Largest keyring file read at start; a bigger one is refused, not truncated.
    public static let keyringFileBytesMax = 1024 * 1024
    /// Keys a keyring may hold: every sealed record names its key by fingerprint, so old keys stay while data
    /// sealed under them is retained.
    public static let keyringKeysMax = 1000

    // MARK: Client
    /// The most attempts a retry policy may make for one call, however it is configured.
    public static let clientAttemptsMax = 20
    /// Largest response body read: a GetRecords response of 10 MiB of data grows by a third in base64, plus JSON
    /// framing and the records' other members.
    public static let responseBodyBytesMax = 16 * 1024 * 1024
    /// How much of an unexpected response body is kept for the error message.
    public static let unexpectedBodyExcerptBytesMax = 512
    /// Connections kept open to the endpoint for reuse; callers beyond them wait for a free one.
    public static let connectionsPerEndpointMax = 64
    /// How long an unused pooled connection stays open.
    public static let idleConnectionMilliseconds: Int64 = 60_000
    /// Largest shared configuration or credentials file read; a bigger one is refused, not truncated.
    public static let profileFileBytesMax = 1024 * 1024

    // MARK: Storage engine
    /// Largest frame payload accepted on write and on read: a whole PutRecords request (10 MiB) plus per-record
    /// framing fits with room to spare; a length beyond this in a stored frame marks it as torn or corrupt.
    public static let framePayloadBytesMax = 64 * 1024 * 1024
    /// A partition key's UTF-8 bytes are stored in the low 15 bits of a 16-bit field whose top bit marks sealed
    /// (encrypted) data. The API's 256-character keys need at most 1,024 bytes.
    public static let partitionKeyBytesMax = Int(UInt16.max >> 1)
    /// A read that finds its segment deleted under it (retention) starts again from the new trim horizon this many
    /// times before it reports the failure.
    public static let readAttemptsMax = 4
    /// Bytes read per pread while scanning a segment during recovery.
    public static let recoveryReadBufferBytes = 1024 * 1024
    /// Holes (damaged or unused position ranges) recorded per shard in its holes.json. Damage beyond this is still
    /// stepped over by readers but no longer recorded, and says so in the log: a shard this damaged needs restoring.
    public static let shardHolesMax = 1024
    /// Positions reserved at a time in a shard's reserved-positions file: one extra fsync per this many positions
    /// appended, and at most this many positions left unused by a crash.
    public static let positionReservationBlockPositions: UInt64 = 1 << 20
}
