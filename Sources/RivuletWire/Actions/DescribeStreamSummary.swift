import RivuletCore

/// Describes a stream without listing its shards.
public enum DescribeStreamSummaryOperation: KinesisOperation {
    public typealias Input = DescribeStreamSummaryInput
    public typealias Output = DescribeStreamSummaryOutput
    public static let action = KinesisAction.describeStreamSummary
}

public struct DescribeStreamSummaryInput: WireInput, Equatable {
    public var streamName: String?
    public var streamARN: String?
    public var streamId: String?

    public init(streamName: String? = nil, streamARN: String? = nil, streamId: String? = nil) {
        self.streamName = streamName
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DescribeStreamSummaryInput",
        [
            .streamName,
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct DescribeStreamSummaryOutput: WireOutput, Equatable {
    public var streamDescriptionSummary: StreamDescriptionSummary

    public init(streamDescriptionSummary: StreamDescriptionSummary) {
        self.streamDescriptionSummary = streamDescriptionSummary
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamDescriptionSummary = try members.required("StreamDescriptionSummary")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamDescriptionSummary", streamDescriptionSummary)
        writer.endObject()
    }
}
