import RivuletCore

/// A stream with a page of its shards, as DescribeStream returns it.
public struct StreamDescription: Sendable, Equatable {
    public var streamName: String
    public var streamARN: String
    public var streamStatus: StreamStatus
    public var streamModeDetails: StreamModeDetails?
    public var shards: [Shard]
    public var hasMoreShards: Bool
    public var retentionPeriodHours: Int
    public var streamCreationTimestamp: WireTimestamp
    public var enhancedMonitoring: [EnhancedMetrics]
    public var encryptionType: EncryptionType?
    public var keyId: String?

    public init(
        streamName: String, streamARN: String, streamStatus: StreamStatus,
        streamModeDetails: StreamModeDetails? = nil, shards: [Shard], hasMoreShards: Bool,
        retentionPeriodHours: Int, streamCreationTimestamp: WireTimestamp, enhancedMonitoring: [EnhancedMetrics],
        encryptionType: EncryptionType? = nil, keyId: String? = nil
    ) {
        self.streamName = streamName
        self.streamARN = streamARN
        self.streamStatus = streamStatus
        self.streamModeDetails = streamModeDetails
        self.shards = shards
        self.hasMoreShards = hasMoreShards
        self.retentionPeriodHours = retentionPeriodHours
        self.streamCreationTimestamp = streamCreationTimestamp
        self.enhancedMonitoring = enhancedMonitoring
        self.encryptionType = encryptionType
        self.keyId = keyId
    }
}

extension StreamDescription: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        streamName = try members.required("StreamName")
        streamARN = try members.required("StreamARN")
        streamStatus = try members.required("StreamStatus")
        streamModeDetails = members.optional("StreamModeDetails")
        shards = try members.required("Shards")
        hasMoreShards = try members.required("HasMoreShards")
        retentionPeriodHours = try members.required("RetentionPeriodHours")
        streamCreationTimestamp = try members.required("StreamCreationTimestamp")
        enhancedMonitoring = try members.required("EnhancedMonitoring")
        encryptionType = members.optional("EncryptionType")
        keyId = members.optional("KeyId")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("StreamARN", streamARN)
        writer.member("StreamStatus", streamStatus)
        writer.member("StreamModeDetails", streamModeDetails)
        writer.member("Shards", shards)
        writer.member("HasMoreShards", hasMoreShards)
        writer.member("RetentionPeriodHours", retentionPeriodHours)
        writer.member("StreamCreationTimestamp", streamCreationTimestamp)
        writer.member("EnhancedMonitoring", enhancedMonitoring)
        writer.member("EncryptionType", encryptionType)
        writer.member("KeyId", keyId)
        writer.endObject()
    }
}
