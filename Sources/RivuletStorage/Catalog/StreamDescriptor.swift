import RivuletCore

/// Everything the catalog knows about one stream. The catalog persists these atomically; the server decides what
/// the fields mean (status transitions, routing, validation) and hands back a whole new descriptor to store.
public struct StreamDescriptor: Sendable, Codable, Equatable {
    public var key: StreamKey
    /// Creation time; also what tells a re-created stream of the same name apart from the deleted one.
    public var createdMilliseconds: Int64
    public var status: StreamStatus
    /// When `status` last changed: status transitions complete a configured delay after this.
    public var statusChangedMilliseconds: Int64
    public var mode: StreamMode
    public var retentionHours: Int
    public var shards: [ShardDescriptor]
    public var tags: [StreamTag]
    /// Shard-level metrics switched on by EnableEnhancedMonitoring.
    public var shardLevelMetrics: [String]
    /// Largest record (data plus partition key) in KiB, 1024 unless UpdateMaxRecordSize changed it.
    public var maxRecordSizeKibibytes: Int
    /// A split, merge or shard count update waiting for the stream's UPDATING status to end; nil when none is.
    public var pendingReshard: PendingReshard?
    /// Enhanced fan-out consumers, in registration order.
    public var consumers: [ConsumerDescriptor]
    /// Server-side encryption; nil when records are stored as they came.
    public var encryption: StreamEncryptionSettings?
    /// The resource policy attached to the stream, as the JSON text it was put with.
    public var resourcePolicy: String?
    /// The warm throughput asked for by UpdateStreamWarmThroughput (on-demand streams); nil when never set.
    public var warmThroughputMiBps: Int?

    public init(
        key: StreamKey, createdMilliseconds: Int64, status: StreamStatus, mode: StreamMode,
        retentionHours: Int = Limits.retentionHoursDefault, shards: [ShardDescriptor], tags: [StreamTag] = [],
        shardLevelMetrics: [String] = [], maxRecordSizeKibibytes: Int = Limits.recordBytesMaxDefault / 1024
    ) {
        self.key = key
        self.createdMilliseconds = createdMilliseconds
        self.status = status
        self.statusChangedMilliseconds = createdMilliseconds
        self.mode = mode
        self.retentionHours = retentionHours
        self.shards = shards
        self.tags = tags
        self.shardLevelMetrics = shardLevelMetrics
        self.maxRecordSizeKibibytes = maxRecordSizeKibibytes
        self.consumers = []
    }

    private enum CodingKeys: String, CodingKey {
        case key, createdMilliseconds, status, statusChangedMilliseconds, mode, retentionHours, shards, tags
        case shardLevelMetrics, maxRecordSizeKibibytes, pendingReshard, consumers, encryption, resourcePolicy
        case warmThroughputMiBps
    }

    /// Members added after the catalog's first format are optional, so older catalogs still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(StreamKey.self, forKey: .key)
        createdMilliseconds = try container.decode(Int64.self, forKey: .createdMilliseconds)
        status = try container.decode(StreamStatus.self, forKey: .status)
        statusChangedMilliseconds = try container.decode(Int64.self, forKey: .statusChangedMilliseconds)
        mode = try container.decode(StreamMode.self, forKey: .mode)
        retentionHours = try container.decode(Int.self, forKey: .retentionHours)
        shards = try container.decode([ShardDescriptor].self, forKey: .shards)
        tags = try container.decode([StreamTag].self, forKey: .tags)
        shardLevelMetrics = try container.decode([String].self, forKey: .shardLevelMetrics)
        maxRecordSizeKibibytes = try container.decode(Int.self, forKey: .maxRecordSizeKibibytes)
        pendingReshard = try container.decodeIfPresent(PendingReshard.self, forKey: .pendingReshard)
        consumers = try container.decodeIfPresent([ConsumerDescriptor].self, forKey: .consumers) ?? []
        encryption = try container.decodeIfPresent(StreamEncryptionSettings.self, forKey: .encryption)
        resourcePolicy = try container.decodeIfPresent(String.self, forKey: .resourcePolicy)
        warmThroughputMiBps = try container.decodeIfPresent(Int.self, forKey: .warmThroughputMiBps)
    }

    /// The consumer registered under `name`, if any.
    public func consumer(named name: String) -> ConsumerDescriptor? {
        consumers.first { $0.name == name }
    }

    public var openShards: [ShardDescriptor] { shards.filter(\.isOpen) }

    public func shard(index: Int) -> ShardDescriptor? {
        // Shards are stored in index order, and indices are dense from 0, so this is usually a direct hit.
        if index >= 0, index < shards.count, shards[index].index == index { return shards[index] }
        return shards.first { $0.index == index }
    }

    /// The index the next shard created by a reshard takes.
    public var nextShardIndex: Int { (shards.map(\.index).max() ?? -1) + 1 }
}
