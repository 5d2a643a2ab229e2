import RivuletCore

/// Opens an enhanced fan-out subscription to one shard for a registered consumer: records are pushed for up to
/// five minutes as events of an `application/vnd.amazon.eventstream` response.
public enum SubscribeToShardOperation: KinesisOperation {
    public typealias Input = SubscribeToShardInput
    public typealias Output = SubscribeToShardOutput
    public static let action = KinesisAction.subscribeToShard
}

public struct SubscribeToShardInput: WireInput, Equatable {
    public var consumerARN: String
    public var streamId: String?
    public var shardId: String
    public var startingPosition: StartingPosition

    public init(consumerARN: String, streamId: String? = nil, shardId: String, startingPosition: StartingPosition) {
        self.consumerARN = consumerARN
        self.streamId = streamId
        self.shardId = shardId
        self.startingPosition = startingPosition
    }

    static let rules = ShapeRules(
        "SubscribeToShardInput",
        [
            MemberRule("ConsumerARN", .string(.consumerARN), required: true),
            .streamId,
            MemberRule("ShardId", .string(.shardId), required: true),
            MemberRule("StartingPosition", .structure(StartingPosition.rules), required: true),
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        consumerARN = try members.required("ConsumerARN")
        streamId = members.optional("StreamId")
        shardId = try members.required("ShardId")
        startingPosition = try members.required("StartingPosition")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ConsumerARN", consumerARN)
        writer.member("StreamId", streamId)
        writer.member("ShardId", shardId)
        writer.member("StartingPosition", startingPosition)
        writer.endObject()
    }
}

/// The model's output is one member, `EventStream`, which is not a body at all: the answer is a stream of
/// event messages. Its first message, `initial-response`, carries an empty object that the server writes
/// itself; every later one carries a `SubscribeToShardEvent` (or an exception). So this shape has no members and
/// reads and writes nothing: it is here so the operation fits `KinesisOperation` like the others, and the real
/// payload type is `SubscribeToShardEvent`.
public struct SubscribeToShardOutput: WireOutput, Equatable {
    public init() {}

    /// There is no body to read; the events are read one message at a time as `SubscribeToShardEvent`.
    public init(decoding value: WireValue) throws(KinesisError) {}

    public func encode<Writer: WireWriter>(to writer: inout Writer) {}
}
