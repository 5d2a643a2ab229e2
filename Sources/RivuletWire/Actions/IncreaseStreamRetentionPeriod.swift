import RivuletCore

/// Lengthens how long a stream keeps records.
public enum IncreaseStreamRetentionPeriodOperation: KinesisOperation {
    public typealias Input = IncreaseStreamRetentionPeriodInput
    public typealias Output = IncreaseStreamRetentionPeriodOutput
    public static let action = KinesisAction.increaseStreamRetentionPeriod
}

public struct IncreaseStreamRetentionPeriodInput: WireInput, Equatable {
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
        "IncreaseStreamRetentionPeriodInput",
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

public struct IncreaseStreamRetentionPeriodOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
