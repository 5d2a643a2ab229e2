/// A shard's identifier: `shardId-` followed by its index, zero-padded to 12 digits.
public struct ShardID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public static let prefix = "shardId-"
    public static let indexDigits = 12

    public var index: Int

    public init(index: Int) {
        precondition(index >= 0, "shard index must not be negative")
        self.index = index
    }

    /// Parses `shardId-000000000007`, and also the forms AWS normalises: `7`, `000007`, `shardId-7`.
    /// Returns nil for anything else (not a shard of any stream).
    public init?(parsing text: String) {
        var digits = Substring(text)
        if digits.hasPrefix(Self.prefix) {
            digits = digits.dropFirst(Self.prefix.count)
        }
        guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else { return nil }
        self.index = value
    }

    public var description: String {
        let digits = String(index)
        let padding = max(0, Self.indexDigits - digits.count)
        return Self.prefix + String(repeating: "0", count: padding) + digits
    }

    public static func < (left: ShardID, right: ShardID) -> Bool { left.index < right.index }
}
