import RivuletCore

/// The shard-level CloudWatch metrics enabled on a stream.
public struct EnhancedMetrics: Sendable, Equatable {
    public var shardLevelMetrics: [MetricsName]?

    public init(shardLevelMetrics: [MetricsName]? = nil) {
        self.shardLevelMetrics = shardLevelMetrics
    }
}

extension EnhancedMetrics: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        shardLevelMetrics = members.optional("ShardLevelMetrics")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardLevelMetrics", shardLevelMetrics)
        writer.endObject()
    }
}
