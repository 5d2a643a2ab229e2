/// A record handed to the store for appending.
public struct AppendRecord: Sendable, Equatable {
    public var partitionKey: String
    public var data: [UInt8]
    /// True when `data` is ciphertext sealed by the server (encryption at rest), which then keeps the partition key
    /// inside it and stores an empty one. The store keeps the flag with the record and hands it back on reads; it
    /// never looks inside the data.
    public var sealed: Bool

    public init(partitionKey: String, data: [UInt8], sealed: Bool = false) {
        self.partitionKey = partitionKey
        self.data = data
        self.sealed = sealed
    }
}

/// Records for one shard in one append call; they are stored contiguously and in order.
public struct ShardAppend: Sendable {
    public var shardIndex: Int
    public var records: [AppendRecord]

    public init(shardIndex: Int, records: [AppendRecord]) {
        self.shardIndex = shardIndex
        self.records = records
    }
}

/// What the store acknowledges for one ShardAppend: the records took positions firstPosition, firstPosition + 1, ...
/// and all share one arrival time. Returned only once the records are as durable as the fsync policy promises.
public struct AppendReceipt: Sendable, Equatable {
    public var shardIndex: Int
    public var firstPosition: UInt64
    public var arrivalMilliseconds: Int64

    public init(shardIndex: Int, firstPosition: UInt64, arrivalMilliseconds: Int64) {
        self.shardIndex = shardIndex
        self.firstPosition = firstPosition
        self.arrivalMilliseconds = arrivalMilliseconds
    }
}

/// A record read back from a shard.
public struct StoredRecord: Sendable, Equatable {
    public var position: UInt64
    public var arrivalMilliseconds: Int64
    public var partitionKey: String
    public var data: [UInt8]
    /// True when `data` is ciphertext, as it was appended.
    public var sealed: Bool

    public init(
        position: UInt64, arrivalMilliseconds: Int64, partitionKey: String, data: [UInt8], sealed: Bool = false
    ) {
        self.position = position
        self.arrivalMilliseconds = arrivalMilliseconds
        self.partitionKey = partitionKey
        self.data = data
        self.sealed = sealed
    }
}

/// The result of reading a shard.
public struct ShardReadResult: Sendable, Equatable {
    /// Records in position order, starting at the first position at or after the requested one that still exists.
    public var records: [StoredRecord]
    /// Where the next read should start: one past the last record returned, or the start position if none was.
    public var nextPosition: UInt64
    /// The shard's state when the read happened, for MillisBehindLatest and end-of-shard decisions.
    public var shard: ShardState

    public init(records: [StoredRecord], nextPosition: UInt64, shard: ShardState) {
        self.records = records
        self.nextPosition = nextPosition
        self.shard = shard
    }
}

/// Positions bounding a shard's readable records.
public struct ShardState: Sendable, Equatable {
    /// The oldest position still stored (records before it were removed by retention).
    public var trimHorizonPosition: UInt64
    /// One past the newest acknowledged record: where the next append goes.
    public var nextPosition: UInt64
    /// Arrival time of the newest record, nil when the shard has never had one.
    public var lastArrivalMilliseconds: Int64?

    public init(trimHorizonPosition: UInt64, nextPosition: UInt64, lastArrivalMilliseconds: Int64?) {
        self.trimHorizonPosition = trimHorizonPosition
        self.nextPosition = nextPosition
        self.lastArrivalMilliseconds = lastArrivalMilliseconds
    }
}
