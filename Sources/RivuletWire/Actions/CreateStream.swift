import RivuletCore

/// Creates a stream: provisioned with a shard count, or on demand.
public enum CreateStreamOperation: KinesisOperation {
    public typealias Input = CreateStreamInput
    public typealias Output = CreateStreamOutput
    public static let action = KinesisAction.createStream
}

public struct CreateStreamInput: WireInput, Equatable {
    public var streamName: String
    public var shardCount: Int?
    public var streamModeDetails: StreamModeDetails?
    public var tags: [String: String]?
    public var warmThroughputMiBps: Int?
    public var maxRecordSizeInKiB: Int?

    public init(
        streamName: String, shardCount: Int? = nil, streamModeDetails: StreamModeDetails? = nil,
        tags: [String: String]? = nil, warmThroughputMiBps: Int? = nil, maxRecordSizeInKiB: Int? = nil
    ) {
        self.streamName = streamName
        self.shardCount = shardCount
        self.streamModeDetails = streamModeDetails
        self.tags = tags
        self.warmThroughputMiBps = warmThroughputMiBps
        self.maxRecordSizeInKiB = maxRecordSizeInKiB
    }

    static let rules = ShapeRules(
        "CreateStreamInput",
        [
            .requiredStreamName,
            MemberRule("ShardCount", .integer(ValueRange(min: 1))),
            MemberRule("StreamModeDetails", .structure(StreamModeDetails.rules)),
            .tags,
            MemberRule("WarmThroughputMiBps", .integer(ValueRange(min: 0))),
            MemberRule("MaxRecordSizeInKiB", .integer(ValueRange(min: 1024, max: 10_240))),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = try members.required("StreamName")
        shardCount = members.optional("ShardCount")
        streamModeDetails = members.optional("StreamModeDetails")
        tags = members.optional("Tags")
        warmThroughputMiBps = members.optional("WarmThroughputMiBps")
        maxRecordSizeInKiB = members.optional("MaxRecordSizeInKiB")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("ShardCount", shardCount)
        writer.member("StreamModeDetails", streamModeDetails)
        writer.member("Tags", tags)
        writer.member("WarmThroughputMiBps", warmThroughputMiBps)
        writer.member("MaxRecordSizeInKiB", maxRecordSizeInKiB)
        writer.endObject()
    }
}

public struct CreateStreamOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
