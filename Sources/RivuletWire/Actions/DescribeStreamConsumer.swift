import RivuletCore

/// Describes a registered consumer, named by its ARN or by its stream's ARN and its name.
public enum DescribeStreamConsumerOperation: KinesisOperation {
    public typealias Input = DescribeStreamConsumerInput
    public typealias Output = DescribeStreamConsumerOutput
    public static let action = KinesisAction.describeStreamConsumer
}

public struct DescribeStreamConsumerInput: WireInput, Equatable {
    /// Every member is optional in the model: which combinations name a consumer is the handler's question.
    public var streamARN: String?
    public var consumerName: String?
    public var consumerARN: String?
    public var streamId: String?

    public init(
        streamARN: String? = nil, consumerName: String? = nil, consumerARN: String? = nil, streamId: String? = nil
    ) {
        self.streamARN = streamARN
        self.consumerName = consumerName
        self.consumerARN = consumerARN
        self.streamId = streamId
    }

    static let rules = ShapeRules(
        "DescribeStreamConsumerInput",
        [
            .streamARN,
            .consumerName,
            .consumerARN,
            .streamId,
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try InputChecker.check(value, against: Self.rules)
        streamARN = members.optional("StreamARN")
        consumerName = members.optional("ConsumerName")
        consumerARN = members.optional("ConsumerARN")
        streamId = members.optional("StreamId")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StreamARN", streamARN)
        writer.member("ConsumerName", consumerName)
        writer.member("ConsumerARN", consumerARN)
        writer.member("StreamId", streamId)
        writer.endObject()
    }
}

public struct DescribeStreamConsumerOutput: WireOutput, Equatable {
    public var consumerDescription: ConsumerDescription

    public init(consumerDescription: ConsumerDescription) {
        self.consumerDescription = consumerDescription
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        consumerDescription = try members.required("ConsumerDescription")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ConsumerDescription", consumerDescription)
        writer.endObject()
    }
}
