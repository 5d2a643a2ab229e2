import RivuletCore
import RivuletStorage

/// Routes records to open shards and appends them, routing again when a reshard closed a shard in between. The
/// store refuses such an append whole, writing nothing, and only once the reshard is in place, so the next attempt
/// sees the children; records therefore land either in the parent before its end or in the child that took their
/// hash key, never after a shard's end and never twice.
enum ReroutingAppend {
    struct Placed {
        /// The stream as it was when the records were routed.
        var stream: StreamDescriptor
        var batches: [ShardAppend]
        var receipts: [AppendReceipt]
    }

    /// `route` groups the records into per-shard batches for the given stream; it may throw for bad input. The first
    /// attempt routes with `stream`, the caller's fresh look-up; later ones look the stream up again.
    static func append(
        _ stream: StreamDescriptor, service: KinesisService,
        route: (StreamDescriptor, RecordRouter) throws -> [ShardAppend]
    ) async throws -> Placed {
        let key = stream.key
        var stream = stream
        var attempt = 1
        while true {
            let batches = try route(stream, RecordRouter(stream: stream))
            // Every record may have been refused (PutRecords under limits or injected faults): nothing to store.
            if batches.isEmpty { return Placed(stream: stream, batches: [], receipts: []) }
            do {
                let receipts = try await service.store.append(key, batches)
                service.appendSignal.signal(key)
                service.metrics.recordShardIncoming(stream, batches)
                return Placed(stream: stream, batches: batches, receipts: receipts)
            } catch StorageError.shardClosed where attempt < Limits.appendRouteAttemptsMax {
                attempt += 1
                stream = try await service.readableStream(key)
            }
        }
    }
}
