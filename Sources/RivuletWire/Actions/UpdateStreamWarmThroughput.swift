import RivuletCore

/// Asks for an on-demand stream to be ready for a write throughput without ramping up to it.
public enum UpdateStreamWarmThroughputOperation: KinesisOperation {
    public typealias Input = UpdateStreamWarmThroughputInput
    public typealias Output = UpdateStreamWarmThroughputOutput
    public static let action = KinesisAction.updateStreamWarmThroughput
}

public struct UpdateStreamWarmThroughputInput: WireInput, Equatable {
    public var streamARN: String?
    public var streamName: String?
    public var streamId: String?
    public var warmThroughputMiBps: Int

    public init(
        streamARN: String? = nil, streamName: String? = nil, streamId: String? = nil, warmThroughputMiBps: Int
    ) {
        self.streamARN = streamARN
        self.streamName = streamName
        self.streamId = streamId
        self.warmThroughputMiBps = warmThroughputMiBps
    }

    static let rules = ShapeRules(
        "UpdateStreamWarmThroughputInput",
        [
            .streamARN,
            .streamName,
            .streamId,
            MemberRule("WarmThroughputMiBps", .integer(ValueRange(min: 0)), required: true),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = members.optional("StreamARN")
        streamName = members.optional("StreamName")
        streamId = members.optional("StreamId")
        warmThroughputMiBps = try members.required("WarmThroughputMiBps")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("StreamName", streamName)
        writer.member("StreamId", streamId)
        writer.member("WarmThroughputMiBps", warmThroughputMiBps)
        writer.endObject()
    }
}

public struct UpdateStreamWarmThroughputOutput: WireOutput, Equatable {
    public var streamARN: String?
    public var streamName: String?
    public var warmThroughput: WarmThroughputObject?

    public init(streamARN: String? = nil, streamName: String? = nil, warmThroughput: WarmThroughputObject? = nil) {
        self.streamARN = streamARN
        self.streamName = streamName
        self.warmThroughput = warmThroughput
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamARN = members.optional("StreamARN")
        streamName = members.optional("StreamName")
        warmThroughput = members.optional("WarmThroughput")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("StreamName", streamName)
        writer.member("WarmThroughput", warmThroughput)
        writer.endObject()
    }
}
