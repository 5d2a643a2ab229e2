import RivuletCore

/// A consumer registered for enhanced fan-out, as RegisterStreamConsumer and ListStreamConsumers return it.
public struct Consumer: Sendable, Equatable {
    public var consumerName: String
    public var consumerARN: String
    public var consumerStatus: ConsumerStatus
    public var consumerCreationTimestamp: WireTimestamp

    public init(
        consumerName: String, consumerARN: String, consumerStatus: ConsumerStatus,
        consumerCreationTimestamp: WireTimestamp
    ) {
        self.consumerName = consumerName
        self.consumerARN = consumerARN
        self.consumerStatus = consumerStatus
        self.consumerCreationTimestamp = consumerCreationTimestamp
    }
}

extension Consumer: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        consumerName = try members.required("ConsumerName")
        consumerARN = try members.required("ConsumerARN")
        consumerStatus = try members.required("ConsumerStatus")
        consumerCreationTimestamp = try members.required("ConsumerCreationTimestamp")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ConsumerName", consumerName)
        writer.member("ConsumerARN", consumerARN)
        writer.member("ConsumerStatus", consumerStatus)
        writer.member("ConsumerCreationTimestamp", consumerCreationTimestamp)
        writer.endObject()
    }
}
