import RivuletCore

/// Turns off shard-level CloudWatch metrics for a stream.
public enum DisableEnhancedMonitoringOperation: KinesisOperation {
    public typealias Input = DisableEnhancedMonitoringInput
    /// Shared with EnableEnhancedMonitoring, as in the model.
    public typealias Output = EnhancedMonitoringOutput
    public static let action = KinesisAction.disableEnhancedMonitoring
}

public struct DisableEnhancedMonitoringInput: WireInput, Equatable {
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
        "DisableEnhancedMonitoringInput",
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
