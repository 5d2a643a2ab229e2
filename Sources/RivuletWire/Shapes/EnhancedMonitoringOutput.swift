import RivuletCore

/// The answer of EnableEnhancedMonitoring and DisableEnhancedMonitoring (one shape in the model): the stream's
/// shard-level metrics before the call and as the call leaves them.
public struct EnhancedMonitoringOutput: WireOutput, Equatable {
    public var streamName: String?
    public var currentShardLevelMetrics: [MetricsName]?
    public var desiredShardLevelMetrics: [MetricsName]?
    public var streamARN: String?

    public init(
        streamName: String? = nil, currentShardLevelMetrics: [MetricsName]? = nil,
        desiredShardLevelMetrics: [MetricsName]? = nil, streamARN: String? = nil
    ) {
        self.streamName = streamName
        self.currentShardLevelMetrics = currentShardLevelMetrics
        self.desiredShardLevelMetrics = desiredShardLevelMetrics
        self.streamARN = streamARN
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamName = members.optional("StreamName")
        currentShardLevelMetrics = members.optional("CurrentShardLevelMetrics")
        desiredShardLevelMetrics = members.optional("DesiredShardLevelMetrics")
        streamARN = members.optional("StreamARN")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("CurrentShardLevelMetrics", currentShardLevelMetrics)
        writer.member("DesiredShardLevelMetrics", desiredShardLevelMetrics)
        writer.member("StreamARN", streamARN)
        writer.endObject()
    }
}
