import RivuletCore
import RivuletStorage
import RivuletWire

struct DescribeStreamHandler: OperationHandler {
    typealias Operation = DescribeStreamOperation
    let service: KinesisService

    func handle(_ input: DescribeStreamInput, context: RequestContext) async throws -> DescribeStreamOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.stream(key)
        let limit = input.limit ?? Limits.describeStreamLimitDefault
        var shards = stream.shards
        if let start = input.exclusiveStartShardId {
            // AWS pages from the first shard after the given id, whether or not that id exists.
            let startIndex = ShardID(parsing: start)?.index ?? -1
            shards = shards.filter { $0.index > startIndex }
        }
        let page = shards.prefix(limit)
        return DescribeStreamOutput(
            streamDescription: StreamDescription(
                streamName: key.name,
                streamARN: key.streamARN,
                streamStatus: stream.status,
                streamModeDetails: stream.wireStreamModeDetails,
                shards: page.map(\.wireShard),
                hasMoreShards: shards.count > page.count,
                retentionPeriodHours: stream.retentionHours,
                streamCreationTimestamp: stream.wireCreationTimestamp,
                enhancedMonitoring: stream.wireEnhancedMonitoring,
                encryptionType: stream.encryption == nil ? EncryptionType.none : .kms,
                keyId: stream.encryption?.keyId))
    }
}
