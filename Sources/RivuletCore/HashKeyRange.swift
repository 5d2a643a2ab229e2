/// An inclusive range of hash keys owned by one shard.
public struct HashKeyRange: Hashable, Sendable, Codable {
    public var startingHashKey: UInt128
    public var endingHashKey: UInt128

    public init(startingHashKey: UInt128, endingHashKey: UInt128) {
        precondition(startingHashKey <= endingHashKey, "hash key range must not be empty")
        self.startingHashKey = startingHashKey
        self.endingHashKey = endingHashKey
    }

    public func contains(_ hashKey: UInt128) -> Bool {
        hashKey >= startingHashKey && hashKey <= endingHashKey
    }

    /// Splits the whole key space [0, 2^128 - 1] into `count` contiguous ranges of equal size, as CreateStream does;
    /// the last range ends at 2^128 - 1 and absorbs the remainder. Each range is floor(2^128 / count) wide, as AWS
    /// makes them (two shards meet at 2^127).
    public static func evenSplit(count: Int) -> [HashKeyRange] {
        precondition(count > 0, "a stream has at least one shard")
        if count == 1 { return [HashKeyRange(startingHashKey: 0, endingHashKey: .max)] }
        // floor(2^128 / count) without 2^128: floor((2^128 - 1) / count), plus one when count divides 2^128 exactly.
        let divisor = UInt128(count)
        let width = UInt128.max / divisor + (UInt128.max % divisor == divisor - 1 ? 1 : 0)
        return (0..<count).map { position in
            let start = width * UInt128(position)
            let end = position == count - 1 ? UInt128.max : start + width - 1
            return HashKeyRange(startingHashKey: start, endingHashKey: end)
        }
    }

    enum CodingKeys: String, CodingKey {
        case startingHashKey, endingHashKey
    }

    // Stored as decimal strings: JSON numbers cannot hold 128 bits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(String.self, forKey: .startingHashKey)
        let end = try container.decode(String.self, forKey: .endingHashKey)
        guard let startValue = UInt128(start), let endValue = UInt128(end), startValue <= endValue else {
            throw DecodingError.dataCorruptedError(
                forKey: .startingHashKey, in: container, debugDescription: "invalid hash key range \(start)-\(end)")
        }
        self.init(startingHashKey: startValue, endingHashKey: endValue)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(startingHashKey), forKey: .startingHashKey)
        try container.encode(String(endingHashKey), forKey: .endingHashKey)
    }
}
