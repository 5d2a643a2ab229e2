/// One record as the application put it: what the producer aggregates and what the consumer hands back.
public struct UserRecord: Sendable, Hashable {
    public var partitionKey: String
    /// A decimal hash key that overrides the partition key's MD5 for routing; nil routes by the partition key.
    public var explicitHashKey: String?
    public var data: [UInt8]

    public init(partitionKey: String, explicitHashKey: String? = nil, data: [UInt8]) {
        self.partitionKey = partitionKey
        self.explicitHashKey = explicitHashKey
        self.data = data
    }
}
