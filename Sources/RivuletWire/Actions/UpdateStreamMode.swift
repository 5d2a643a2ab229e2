import RivuletCore

/// Switches a stream between provisioned and on-demand capacity.
public enum UpdateStreamModeOperation: KinesisOperation {
    public typealias Input = UpdateStreamModeInput
    public typealias Output = UpdateStreamModeOutput
    public static let action = KinesisAction.updateStreamMode
}

public struct UpdateStreamModeInput: WireInput, Equatable {
    public var streamARN: String
    public var streamId: String?
    public var streamModeDetails: StreamModeDetails
    public var warmThroughputMiBps: Int?

    public init(
        streamARN: String, streamId: String? = nil, streamModeDetails: StreamModeDetails,
        warmThroughputMiBps: Int? = nil
    ) {
        self.streamARN = streamARN
        self.streamId = streamId
        self.streamModeDetails = streamModeDetails
        self.warmThroughputMiBps = warmThroughputMiBps
    }

    static let rules = ShapeRules(
        "UpdateStreamModeInput",
        [
            MemberRule("StreamARN", .string(.streamARN), required: true),
            .streamId,
            MemberRule("StreamModeDetails", .structure(StreamModeDetails.rules), required: true),
            MemberRule("WarmThroughputMiBps", .integer(ValueRange(min: 0))),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = try members.required("StreamARN")
        streamId = members.optional("StreamId")
        streamModeDetails = try members.required("StreamModeDetails")
        warmThroughputMiBps = members.optional("WarmThroughputMiBps")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.member("StreamModeDetails", streamModeDetails)
        writer.member("WarmThroughputMiBps", warmThroughputMiBps)
        writer.endObject()
    }
}

public struct UpdateStreamModeOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
