import RivuletCore
import RivuletStorage

/// Finds the open shard whose hash key range holds a record's hash key.
struct RecordRouter {
    private let shards: [ShardDescriptor]

    /// `stream`'s open shards, sorted by starting hash key; their ranges cover the key space without overlap.
    init(stream: StreamDescriptor) {
        shards = stream.openShards.sorted { $0.hashKeyRange.startingHashKey < $1.hashKeyRange.startingHashKey }
    }

    func shard(for hashKey: UInt128) -> ShardDescriptor? {
        var low = 0
        var high = shards.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = shards[middle].hashKeyRange
            if hashKey < range.startingHashKey {
                high = middle - 1
            } else if hashKey > range.endingHashKey {
                low = middle + 1
            } else {
                return shards[middle]
            }
        }
        return nil
    }

    /// The hash key of a record: its ExplicitHashKey if given (checked to be in [0, 2^128 - 1]), else the MD5 of its
    /// partition key.
    static func hashKey(partitionKey: String, explicitHashKey: String?) throws -> UInt128 {
        guard let explicitHashKey else { return HashKey.of(partitionKey: partitionKey) }
        guard let value = HashKey.parse(decimal: explicitHashKey) else {
            throw KinesisError(
                .invalidArgument,
                "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was "
                    + explicitHashKey)
        }
        return value
    }

    /// AWS counts a record's size as its data plus its partition key's UTF-8 bytes, and words the refusal as the
    /// model-level constraint on the data blob that it was before records could exceed 1 MiB.
    static func checkSize(data: [UInt8], partitionKey: String, stream: StreamDescriptor, path: String) throws {
        let limit = stream.maxRecordSizeKibibytes * 1024
        let size = data.count + partitionKey.utf8.count
        guard size <= limit else {
            throw KinesisError(
                .validation,
                "1 validation error detected: Value at '\(path)' failed to satisfy constraint: Member must have "
                    + "length less than or equal to \(limit)")
        }
    }
}
