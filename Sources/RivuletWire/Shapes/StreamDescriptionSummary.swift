import RivuletCore

/// A stream without its shards, as DescribeStreamSummary returns it.
public struct StreamDescriptionSummary: Sendable, Equatable {
    public var streamName: String
    public var streamARN: String
    public var streamId: String?
    public var streamStatus: StreamStatus
    public var streamModeDetails: StreamModeDetails?
    public var retentionPeriodHours: Int
    public var streamCreationTimestamp: WireTimestamp
    public var enhancedMonitoring: [EnhancedMetrics]
    public var encryptionType: EncryptionType?
    public var keyId: String?
    public var openShardCount: Int
    public var consumerCount: Int?
    public var warmThroughput: WarmThroughputObject?
    public var maxRecordSizeInKiB: Int?

    public init(
        streamName: String, streamARN: String, streamId: String? = nil, streamStatus: StreamStatus,
        streamModeDetails: StreamModeDetails? = nil, retentionPeriodHours: Int,
        streamCreationTimestamp: WireTimestamp, enhancedMonitoring: [EnhancedMetrics],
        encryptionType: EncryptionType? = nil, keyId: String? = nil, openShardCount: Int, consumerCount: Int? = nil,
        warmThroughput: WarmThroughputObject? = nil, maxRecordSizeInKiB: Int? = nil
    ) {
        self.streamName = streamName
        self.streamARN = streamARN
        self.streamId = streamId
        self.streamStatus = streamStatus
        self.streamModeDetails = streamModeDetails
        self.retentionPeriodHours = retentionPeriodHours
        self.streamCreationTimestamp = streamCreationTimestamp
        self.enhancedMonitoring = enhancedMonitoring
        self.encryptionType = encryptionType
        self.keyId = keyId
        self.openShardCount = openShardCount
        self.consumerCount = consumerCount
        self.warmThroughput = warmThroughput
        self.maxRecordSizeInKiB = maxRecordSizeInKiB
    }
}

extension StreamDescriptionSummary: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        streamName = try members.required("StreamName")
        streamARN = try members.required("StreamARN")
        streamId = members.optional("StreamId")
        streamStatus = try members.required("StreamStatus")
        streamModeDetails = members.optional("StreamModeDetails")
        retentionPeriodHours = try members.required("RetentionPeriodHours")
        streamCreationTimestamp = try members.required("StreamCreationTimestamp")
        enhancedMonitoring = try members.required("EnhancedMonitoring")
        encryptionType = members.optional("EncryptionType")
        keyId = members.optional("KeyId")
        openShardCount = try members.required("OpenShardCount")
        consumerCount = members.optional("ConsumerCount")
        warmThroughput = members.optional("WarmThroughput")
        maxRecordSizeInKiB = members.optional("MaxRecordSizeInKiB")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.member("StreamStatus", streamStatus)
        writer.member("StreamModeDetails", streamModeDetails)
        writer.member("RetentionPeriodHours", retentionPeriodHours)
        writer.member("StreamCreationTimestamp", streamCreationTimestamp)
        writer.member("EnhancedMonitoring", enhancedMonitoring)
        writer.member("EncryptionType", encryptionType)
        writer.member("KeyId", keyId)
        writer.member("OpenShardCount", openShardCount)
        writer.member("ConsumerCount", consumerCount)
        writer.member("WarmThroughput", warmThroughput)
        writer.member("MaxRecordSizeInKiB", maxRecordSizeInKiB)
        writer.endObject()
    }
}
