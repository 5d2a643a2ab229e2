import RivuletCore

/// One shard as the catalog records it.
public struct ShardDescriptor: Sendable, Codable, Equatable {
    public var index: Int
    public var hashKeyRange: HashKeyRange
    public var parentIndex: Int?
    public var adjacentParentIndex: Int?
    public var createdMilliseconds: Int64
    /// Set when the shard is closed by a reshard: the position one past its last record. A closed shard takes no
    /// more appends and stays readable until retention removes its data.
    public var closedAtPosition: UInt64?
    /// When the shard was closed, for ListShards' time-based filters.
    public var closedMilliseconds: Int64?

    public init(
        index: Int, hashKeyRange: HashKeyRange, parentIndex: Int? = nil, adjacentParentIndex: Int? = nil,
        createdMilliseconds: Int64, closedAtPosition: UInt64? = nil
    ) {
        self.index = index
        self.hashKeyRange = hashKeyRange
        self.parentIndex = parentIndex
        self.adjacentParentIndex = adjacentParentIndex
        self.createdMilliseconds = createdMilliseconds
        self.closedAtPosition = closedAtPosition
    }

    public var id: ShardID { ShardID(index: index) }
    public var isOpen: Bool { closedAtPosition == nil }

    /// The sequence number of the record at `position` in this shard.
    public func sequenceNumber(at position: UInt64) -> SequenceNumber {
        SequenceNumber(shardCreationMilliseconds: createdMilliseconds, shardIndex: index, position: position)
    }

    /// The shard's StartingSequenceNumber, which precedes its first record.
    public var startingSequenceNumber: SequenceNumber {
        SequenceNumber.shardStart(shardCreationMilliseconds: createdMilliseconds, shardIndex: index)
    }
}
