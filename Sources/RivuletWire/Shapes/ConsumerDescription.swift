import RivuletCore

/// A registered consumer with the stream it reads, as DescribeStreamConsumer returns it.
public struct ConsumerDescription: Sendable, Equatable {
    public var consumerName: String
    public var consumerARN: String
    public var consumerStatus: ConsumerStatus
    public var consumerCreationTimestamp: WireTimestamp
    public var streamARN: String

    public init(
        consumerName: String, consumerARN: String, consumerStatus: ConsumerStatus,
        consumerCreationTimestamp: WireTimestamp, streamARN: String
    ) {
        self.consumerName = consumerName
        self.consumerARN = consumerARN
        self.consumerStatus = consumerStatus
        self.consumerCreationTimestamp = consumerCreationTimestamp
        self.streamARN = streamARN
    }
}

extension ConsumerDescription: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        consumerName = try members.required("ConsumerName")
        consumerARN = try members.required("ConsumerARN")
        consumerStatus = try members.required("ConsumerStatus")
        consumerCreationTimestamp = try members.required("ConsumerCreationTimestamp")
        streamARN = try members.required("StreamARN")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ConsumerName", consumerName)
        writer.member("ConsumerARN", consumerARN)
        writer.member("ConsumerStatus", consumerStatus)
        writer.member("ConsumerCreationTimestamp", consumerCreationTimestamp)
        writer.member("StreamARN", streamARN)
        writer.endObject()
    }
}
