import RivuletCore
import RivuletStorage

/// A consumer's ARN taken apart: `arn:{partition}:kinesis:{region}:{account}:stream/{stream}/consumer/{name}:{seconds}`.
/// The trailing registration time is part of the identity: after a consumer is deregistered and registered again
/// under the same name, the old ARN no longer names it.
struct ConsumerAddress: Hashable, Sendable {
    var stream: StreamKey
    var consumerName: String
    var creationEpochSeconds: Int64

    static func arn(stream key: StreamKey, consumer: ConsumerDescriptor) -> String {
        key.streamARN + "/consumer/\(consumer.name):\(consumer.creationEpochSeconds)"
    }

    /// Parses a consumer ARN in the caller's scope; a malformed one is InvalidArgumentException, another account's
    /// AccessDeniedException, as for stream ARNs.
    init(arn: String, context: RequestContext) throws {
        let invalid = KinesisError(.invalidArgument, "Invalid ConsumerARN \(arn).")
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "kinesis" else { throw invalid }
        let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        guard resource.count == 4, resource[0] == "stream", resource[2] == "consumer", !resource[1].isEmpty,
            let colon = resource[3].lastIndex(of: ":"),
            let seconds = Int64(resource[3][resource[3].index(after: colon)...])
        else { throw invalid }
        let name = resource[3][..<colon]
        guard !name.isEmpty else { throw invalid }
        let streamARN = "arn:\(parts[1]):kinesis:\(parts[3]):\(parts[4]):stream/\(resource[1])"
        stream = try StreamResolver.key(arn: streamARN, context: context)
        consumerName = String(name)
        creationEpochSeconds = seconds
    }

    /// The consumer in `stream` this ARN names, or ResourceNotFoundException.
    func consumer(in descriptor: StreamDescriptor, arn: String) throws -> ConsumerDescriptor {
        guard let consumer = descriptor.consumer(named: consumerName),
            consumer.creationEpochSeconds == creationEpochSeconds
        else { throw ConsumerAddress.notFound(arn) }
        return consumer
    }

    static func notFound(_ arn: String) -> KinesisError {
        KinesisError(.resourceNotFound, "Consumer \(arn) not found.")
    }
}
