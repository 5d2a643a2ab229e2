import RivuletCore
import RivuletStorage

/// Finds the consumer that DescribeStreamConsumer and DeregisterStreamConsumer name: by its ARN, or by its stream's
/// ARN and its name.
struct ConsumerLookup {
    let service: KinesisService

    struct Found {
        var key: StreamKey
        var stream: StreamDescriptor
        var consumer: ConsumerDescriptor
    }

    func find(
        streamARN: String?, consumerName: String?, consumerARN: String?, context: RequestContext
    ) async throws -> Found {
        if let consumerARN {
            let address = try ConsumerAddress(arn: consumerARN, context: context)
            if let streamARN, try StreamResolver.key(arn: streamARN, context: context) != address.stream {
                throw KinesisError(
                    .invalidArgument, "ConsumerARN \(consumerARN) does not belong to stream \(streamARN).")
            }
            if let consumerName, consumerName != address.consumerName {
                throw KinesisError(
                    .invalidArgument, "ConsumerARN \(consumerARN) does not name consumer \(consumerName).")
            }
            let stream = try await existingStream(address.stream, orConsumerNotFound: consumerARN)
            return Found(key: address.stream, stream: stream, consumer: try address.consumer(in: stream, arn: consumerARN))
        }
        guard let streamARN, let consumerName else {
            throw KinesisError(
                .invalidArgument, "Either ConsumerARN or both ConsumerName and StreamARN must be provided.")
        }
        let key = try StreamResolver.key(arn: streamARN, context: context)
        let stream = try await service.stream(key)
        guard let consumer = stream.consumer(named: consumerName) else {
            throw KinesisError(
                .resourceNotFound,
                "Consumer \(consumerName) under stream \(key.name) not found for account \(key.scope.account).")
        }
        return Found(key: key, stream: stream, consumer: consumer)
    }

    /// A consumer ARN whose stream is gone names no consumer.
    private func existingStream(_ key: StreamKey, orConsumerNotFound arn: String) async throws -> StreamDescriptor {
        do {
            return try await service.stream(key)
        } catch let error as KinesisError where error.code == .resourceNotFound {
            throw ConsumerAddress.notFound(arn)
        }
    }
}
