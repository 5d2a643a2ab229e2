import RivuletCore
import RivuletStorage
import RivuletWire

struct DescribeStreamSummaryHandler: OperationHandler {
    typealias Operation = DescribeStreamSummaryOperation
    let service: KinesisService

    func handle(
        _ input: DescribeStreamSummaryInput, context: RequestContext
    ) async throws -> DescribeStreamSummaryOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.stream(key)
        return DescribeStreamSummaryOutput(
            streamDescriptionSummary: StreamDescriptionSummary(
                streamName: key.name,
                streamARN: key.streamARN,
                streamStatus: stream.status,
                streamModeDetails: stream.wireStreamModeDetails,
                retentionPeriodHours: stream.retentionHours,
                streamCreationTimestamp: stream.wireCreationTimestamp,
                enhancedMonitoring: stream.wireEnhancedMonitoring,
                encryptionType: stream.encryption == nil ? EncryptionType.none : .kms,
                keyId: stream.encryption?.keyId,
                openShardCount: stream.openShards.count,
                consumerCount: stream.consumers.count,
                warmThroughput: stream.wireWarmThroughput,
                maxRecordSizeInKiB: stream.maxRecordSizeKibibytes))
    }
}
