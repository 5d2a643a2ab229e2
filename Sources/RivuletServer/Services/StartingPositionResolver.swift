import RivuletCore
import RivuletStorage
import RivuletWire

/// Turns an iterator type with its sequence number or timestamp into a position in a shard: what GetShardIterator
/// and SubscribeToShard's StartingPosition both mean by the five types.
struct StartingPositionResolver {
    let service: KinesisService
    /// The operation named in error messages.
    let operation: String

    func position(
        _ type: ShardIteratorType, sequenceNumber: String?, timestamp: WireTimestamp?, shard: ShardDescriptor,
        stream: StreamDescriptor
    ) async throws -> UInt64 {
        let store = service.store
        switch type {
        case .trimHorizon, .latest:
            if sequenceNumber != nil {
                throw contradiction(type, "and also a StartingSequenceNumber")
            }
            let state = try await store.shardState(stream.key, shardIndex: shard.index)
            return type == .trimHorizon ? state.trimHorizonPosition : state.nextPosition
        case .atSequenceNumber, .afterSequenceNumber:
            guard let sequenceNumber else {
                throw contradiction(type, "and no StartingSequenceNumber")
            }
            let sequence = try belongingSequence(sequenceNumber, shard: shard, stream: stream)
            return type == .atSequenceNumber ? sequence.atPosition : sequence.afterPosition
        case .atTimestamp:
            guard let timestamp else {
                throw KinesisError(
                    .invalidArgument,
                    "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has "
                        + "no timestamp parameter.")
            }
            let now = service.nowMilliseconds
            guard timestamp.epochMilliseconds <= now else {
                throw KinesisError(
                    .invalidArgument,
                    "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. "
                        + "timestampInMillis: \(timestamp.epochMilliseconds), currentTimestampInMillis: \(now)")
            }
            return try await store.position(stream.key, shardIndex: shard.index, atTimestamp: timestamp.epochMilliseconds)
        }
    }

    private func contradiction(_ type: ShardIteratorType, _ detail: String) -> KinesisError {
        KinesisError(
            .invalidArgument,
            "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) "
                + "TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified \(type.rawValue) \(detail).")
    }

    /// A sequence number is usable only on the shard that issued it, and only from this incarnation of the stream.
    private func belongingSequence(
        _ text: String, shard: ShardDescriptor, stream: StreamDescriptor
    ) throws -> SequenceNumber {
        let key = stream.key
        let invalid = "StartingSequenceNumber \(text) used in \(operation) on shard \(shard.id) in stream "
            + "\(key.name) under account \(key.scope.account) is invalid"
        guard let sequence = SequenceNumber(parsing: text) else {
            throw KinesisError(.invalidArgument, invalid + ".")
        }
        guard sequence.shardIndex == shard.index else {
            throw KinesisError(
                .invalidArgument,
                "Invalid StartingSequenceNumber. It encodes \(ShardID(index: sequence.shardIndex)), while it was used "
                    + "in a call to a shard with \(shard.id)")
        }
        guard sequence.shardCreationMilliseconds == shard.createdMilliseconds else {
            throw KinesisError(.invalidArgument, invalid + " because it did not come from this stream.")
        }
        return sequence
    }
}
