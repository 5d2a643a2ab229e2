import RivuletCore

/// Shortens how long a stream keeps records.
public enum DecreaseStreamRetentionPeriodOperation: KinesisOperation {
    public typealias Input = DecreaseStreamRetentionPeriodInput
    public typealias Output = DecreaseStreamRetentionPeriodOutput
    public static let action = KinesisAction.decreaseStreamRetentionPeriod
}

public struct DecreaseStreamRetentionPeriodInput: WireInput, Equatable {
    public var streamName: String?
    public var retentionPeriodHours: Int
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, retentionPeriodHours: Int, streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.retentionPeriodHours = retentionPeriodHours
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DecreaseStreamRetentionPeriodInput",
        [
            .streamName,
            MemberRule("RetentionPeriodHours", .integer(.unbounded), required: true),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        retentionPeriodHours = try members.required("RetentionPeriodHours")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("RetentionPeriodHours", retentionPeriodHours)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct DecreaseStreamRetentionPeriodOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
