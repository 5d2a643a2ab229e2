/// One flow: files matching a pattern, sent to one stream. Defaults are the Kinesis Agent's.
public struct FlowConfiguration: Sendable {
    /// The glob as written; `*`, `?`, `[...]` in any path component and `**` for any depth of directories.
    public var filePattern: String
    public var streamName: String
    public var partitionKey = PartitionKeyOption.random
    public var initialPosition = InitialFilePosition.endOfFile
    public var maxBufferAgeMilliseconds = 60_000
    public var maxBufferSizeBytes = 5 * 1024 * 1024
    public var maxBufferSizeRecords = 500
    public var minTimeBetweenFilePollsMilliseconds = 100
    public var maxTimeBetweenFileTrackerRefreshMilliseconds = 10_000
    public var retryInitialBackoffMilliseconds = 100
    public var retryMaxBackoffMilliseconds = 10_000
    public var publishQueueCapacity = 100
    public var framing = RecordFraming()
    public var dataProcessing = DataProcessingChain()
    /// Beyond the Kinesis Agent: KPL aggregation of records, for streams where 1,000 records/s per shard binds.
    public var aggregation = false

    public init(filePattern: String, streamName: String) {
        self.filePattern = filePattern
        self.streamName = streamName
    }

    /// Names the flow in checkpoints, logs and metrics; stable across restarts while stream and pattern stay.
    public var identifier: String { "kinesis:\(streamName):\(filePattern)" }
}

/// How each record's partition key is chosen.
public enum PartitionKeyOption: Sendable, Equatable {
    /// The Kinesis Agent's RANDOM: a random decimal.
    case random
    /// The Kinesis Agent's DETERMINISTIC: the MD5 of the record's data, in hex.
    case deterministic
    /// Beyond the Kinesis Agent (`partitionKeyField`): the value of this top-level field of the processed JSON
    /// record; records without it fall back to RANDOM.
    case field(String)
}

/// Where a flow starts reading files that exist when it first starts (later files are always read from the start).
public enum InitialFilePosition: String, Sendable, Equatable {
    case endOfFile = "END_OF_FILE"
    case startOfFile = "START_OF_FILE"
}
