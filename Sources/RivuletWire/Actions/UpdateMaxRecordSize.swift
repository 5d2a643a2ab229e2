import RivuletCore

/// Changes the largest record (data and partition key) a stream accepts, between 1 MiB and 10 MiB.
public enum UpdateMaxRecordSizeOperation: KinesisOperation {
    public typealias Input = UpdateMaxRecordSizeInput
    public typealias Output = UpdateMaxRecordSizeOutput
    public static let action = KinesisAction.updateMaxRecordSize
}

public struct UpdateMaxRecordSizeInput: WireInput, Equatable {
    /// Optional in the model, unlike UpdateStreamMode's, and the operation has no StreamName: a request without
    /// an ARN passes the wire checks and is for the handler to refuse.
    public var streamARN: String?
    public var streamId: String?
    public var maxRecordSizeInKiB: Int

    public init(streamARN: String? = nil, streamId: String? = nil, maxRecordSizeInKiB: Int) {
        self.streamARN = streamARN
        self.streamId = streamId
        self.maxRecordSizeInKiB = maxRecordSizeInKiB
    }

    static let rules = ShapeRules(
        "UpdateMaxRecordSizeInput",
        [
            .streamARN,
            .streamId,
            MemberRule("MaxRecordSizeInKiB", .integer(ValueRange(min: 1024, max: 10_240)), required: true),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
        maxRecordSizeInKiB = try members.required("MaxRecordSizeInKiB")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.member("MaxRecordSizeInKiB", maxRecordSizeInKiB)
        writer.endObject()
    }
}

public struct UpdateMaxRecordSizeOutput: WireOutput, Equatable {
    public init() {}

    /// The service answers with an empty body; whatever a body holds is ignored.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
