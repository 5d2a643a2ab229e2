import RivuletCore
import RivuletStorage
import RivuletWire

/// Shard-level metrics as Enable/DisableEnhancedMonitoring switch them: the stream keeps the names of the enabled
/// ones (never "ALL", which stands for every one of them).
enum EnhancedMonitoring {
    static let everyMetric: [MetricsName] = MetricsName.allCases.filter { $0 != .all }

    /// The named metrics with "ALL" expanded, in the model's order.
    static func expand(_ names: [MetricsName]) -> [MetricsName] {
        if names.contains(.all) { return everyMetric }
        return everyMetric.filter(names.contains)
    }

    static func enabled(in stream: StreamDescriptor) -> [MetricsName] {
        everyMetric.filter { stream.shardLevelMetrics.contains($0.rawValue) }
    }

    /// Switches metrics on or off and answers with the sets before and after, as both operations do.
    static func change(
        _ names: [MetricsName], enable: Bool, streamName: String?, streamARN: String?, service: KinesisService,
        context: RequestContext
    ) async throws -> EnhancedMonitoringOutput {
        let key = try StreamResolver.key(streamName: streamName, streamARN: streamARN, context: context)
        let changed = expand(names)
        let now = service.nowMilliseconds
        let status = service.lifecycle.begin(.updating)
        let before = enabled(in: try await service.stream(key))
        let after = try await service.changeActiveStream(key) { stream in
            let current = enabled(in: stream)
            let desired = enable
                ? everyMetric.filter { current.contains($0) || changed.contains($0) }
                : current.filter { !changed.contains($0) }
            guard desired != current else { return }
            stream.shardLevelMetrics = desired.map(\.rawValue)
            stream.status = status
            stream.statusChangedMilliseconds = now
        }
        return EnhancedMonitoringOutput(
            streamName: key.name, currentShardLevelMetrics: before,
            desiredShardLevelMetrics: enabled(in: after), streamARN: key.streamARN)
    }
}
