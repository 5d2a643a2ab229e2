import RivuletCore
import RivuletStorage
import RivuletWire

/// Conversions from consumer descriptors to the API's shapes.
extension ConsumerDescriptor {
    func wireConsumer(in key: StreamKey) -> Consumer {
        Consumer(
            consumerName: name, consumerARN: ConsumerAddress.arn(stream: key, consumer: self),
            consumerStatus: wireStatus, consumerCreationTimestamp: wireCreationTimestamp)
    }

    func wireDescription(in key: StreamKey) -> ConsumerDescription {
        ConsumerDescription(
            consumerName: name, consumerARN: ConsumerAddress.arn(stream: key, consumer: self),
            consumerStatus: wireStatus, consumerCreationTimestamp: wireCreationTimestamp,
            streamARN: key.streamARN)
    }

    private var wireStatus: ConsumerStatus {
        switch status {
        case .creating: .creating
        case .active: .active
        case .deleting: .deleting
        }
    }

    /// AWS reports a consumer's creation in whole seconds, the same instant its ARN names.
    private var wireCreationTimestamp: WireTimestamp {
        WireTimestamp(epochMilliseconds: creationEpochSeconds * 1000)
    }
}
