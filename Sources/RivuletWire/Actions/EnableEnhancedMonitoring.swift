import RivuletCore

/// Turns on shard-level CloudWatch metrics for a stream.
public enum EnableEnhancedMonitoringOperation: KinesisOperation {
    public typealias Input = EnableEnhancedMonitoringInput
    /// Shared with DisableEnhancedMonitoring, as in the model.
    public typealias Output = EnhancedMonitoringOutput
    public static let action = KinesisAction.enableEnhancedMonitoring
}

public struct EnableEnhancedMonitoringInput: WireInput, Equatable {
    public var streamName: String?
    public var shardLevelMetrics: [MetricsName]
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, shardLevelMetrics: [MetricsName], streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.shardLevelMetrics = shardLevelMetrics
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "EnableEnhancedMonitoringInput",
        [
            .streamName,
            .shardLevelMetrics,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        shardLevelMetrics = try members.required("ShardLevelMetrics")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ShardLevelMetrics", shardLevelMetrics)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}
