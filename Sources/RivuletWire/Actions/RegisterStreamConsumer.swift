import RivuletCore

/// Registers a consumer for enhanced fan-out on a stream; it starts CREATING and can subscribe once ACTIVE.
public enum RegisterStreamConsumerOperation: KinesisOperation {
    public typealias Input = RegisterStreamConsumerInput
    public typealias Output = RegisterStreamConsumerOutput
    public static let action = KinesisAction.registerStreamConsumer
}

public struct RegisterStreamConsumerInput: WireInput, Equatable {
    public var streamARN: String
    public var consumerName: String
    public var streamId: String?
    public var tags: [String: String]?

    public init(streamARN: String, consumerName: String, streamId: String? = nil, tags: [String: String]? = nil) {
        self.streamARN = streamARN
        self.consumerName = consumerName
        self.streamId = streamId
        self.tags = tags
    }

    static let rules = ShapeRules(
        "RegisterStreamConsumerInput",
        [
            MemberRule("StreamARN", .string(.streamARN), required: true),
            MemberRule("ConsumerName", .string(.consumerName), required: true),
            .streamId,
            .tags,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = try members.required("StreamARN")
        consumerName = try members.required("ConsumerName")
        streamId = members.optional("StreamId")
        tags = members.optional("Tags")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("ConsumerName", consumerName)
        writer.member("StreamId", streamId)
        writer.member("Tags", tags)
        writer.endObject()
    }
}

public struct RegisterStreamConsumerOutput: WireOutput, Equatable {
    public var consumer: Consumer

    public init(consumer: Consumer) {
        self.consumer = consumer
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        consumer = try members.required("Consumer")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Consumer", consumer)
        writer.endObject()
    }
}
