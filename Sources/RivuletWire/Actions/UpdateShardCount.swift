import RivuletCore

/// Reshapes a provisioned stream to a number of equal shards, by splits and merges.
public enum UpdateShardCountOperation: KinesisOperation {
    public typealias Input = UpdateShardCountInput
    public typealias Output = UpdateShardCountOutput
    public static let action = KinesisAction.updateShardCount
}

public struct UpdateShardCountInput: WireInput, Equatable {
    public var streamName: String?
    public var targetShardCount: Int
    public var scalingType: ScalingType
    public var streamARN: String?
    public var streamId: String?

    public init(
        streamName: String? = nil, targetShardCount: Int, scalingType: ScalingType = .uniformScaling,
        streamARN: String? = nil, streamId: String? = nil
    ) {
        self.streamName = streamName
        self.targetShardCount = targetShardCount
        self.scalingType = scalingType
        self.streamARN = streamARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "UpdateShardCountInput",
        [
            .streamName,
            MemberRule("TargetShardCount", .integer(ValueRange(min: 1)), required: true),
            MemberRule("ScalingType", .string(.enumeration(ScalingType.self)), required: true),
            .streamARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamName = members.optional("StreamName")
        targetShardCount = try members.required("TargetShardCount")
        scalingType = try members.required("ScalingType")
        streamARN = members.optional("StreamARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("TargetShardCount", targetShardCount)
        writer.member("ScalingType", scalingType)
        writer.member("StreamARN", streamARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct UpdateShardCountOutput: WireOutput, Equatable {
    public var streamName: String?
    public var currentShardCount: Int?
    public var targetShardCount: Int?
    public var streamARN: String?

    public init(
        streamName: String? = nil, currentShardCount: Int? = nil, targetShardCount: Int? = nil,
        streamARN: String? = nil
    ) {
        self.streamName = streamName
        self.currentShardCount = currentShardCount
        self.targetShardCount = targetShardCount
        self.streamARN = streamARN
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        streamName = members.optional("StreamName")
        currentShardCount = members.optional("CurrentShardCount")
        targetShardCount = members.optional("TargetShardCount")
        streamARN = members.optional("StreamARN")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamName", streamName)
        writer.member("CurrentShardCount", currentShardCount)
        writer.member("TargetShardCount", targetShardCount)
        writer.member("StreamARN", streamARN)
        writer.endObject()
    }
}
