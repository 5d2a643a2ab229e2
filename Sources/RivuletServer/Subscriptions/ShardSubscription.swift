import Logging
import NIOCore
import RivuletCore
import RivuletHTTP
import RivuletStorage
import RivuletWire
import ServiceLifecycle

/// One SubscribeToShard stream: an initial response, then events pushed as records are appended, until the shard
/// ends, five minutes pass, another subscription takes over, the consumer or stream goes, or the server stops.
/// Events carry up to 2 MiB of records each; with nothing new, an empty event goes out every five seconds so the
/// client sees the stream is alive and its MillisBehindLatest stays current.
struct ShardSubscription: Sendable {
    let service: KinesisService
    let registry: SubscriptionRegistry
    let slot: SubscriptionRegistry.Slot
    let id: UInt64
    let address: ConsumerAddress
    let streamCreatedMilliseconds: Int64
    let shardIndex: Int
    let startPosition: UInt64
    let format: WireFormat
    let logger: Logger

    func run(_ writer: HTTPBodyWriter) async throws {
        defer { registry.release(slot, id: id) }
        let stopping = StopSignal()
        try await withGracefulShutdownHandler {
            try await stream(to: writer, stopping: stopping)
        } onGracefulShutdown: { [service, address] in
            stopping.stop()
            service.appendSignal.signal(address.stream)
        }
    }

    /// `stopping` is set when the server begins to stop, so the stream ends instead of holding the shutdown for
    /// minutes.
    private func stream(to writer: HTTPBodyWriter, stopping: StopSignal) async throws {
        try await send(.event("initial-response", contentType: format.contentType, payload: initialPayload), writer)
        let key = address.stream
        let startedMilliseconds = service.nowMilliseconds
        var position = startPosition
        var lastEventMilliseconds: Int64?
        while !Task.isCancelled && !stopping.isStopped {
            let seen = service.appendSignal.version(of: key)
            let now = service.nowMilliseconds
            if now - startedMilliseconds >= Limits.subscriptionLifetimeMilliseconds { return }
            guard registry.holds(slot, id: id) else {
                try await fail(
                    KinesisError(
                        .resourceInUse,
                        "Another subscription for consumer \(slot.consumerARN) and shard \(ShardID(index: shardIndex)) "
                            + "took over this one."), writer)
                return
            }
            let stream: StreamDescriptor
            let shard: ShardDescriptor
            do {
                stream = try await service.readableStream(key)
                guard stream.createdMilliseconds == streamCreatedMilliseconds,
                    let found = stream.shard(index: shardIndex)
                else { throw KinesisError.shardNotFound(ShardID(index: shardIndex), in: key) }
                shard = found
                guard let consumer = stream.consumer(named: address.consumerName),
                    consumer.creationEpochSeconds == address.creationEpochSeconds, consumer.status == .active
                else { throw ConsumerAddress.notFound(slot.consumerARN) }
            } catch let error as KinesisError {
                try await fail(error, writer)
                return
            }
            let result: ShardReadResult
            do {
                result = try await service.store.read(
                    key, shardIndex: shardIndex, from: position, recordLimit: Limits.subscriptionEventRecordsMax,
                    byteLimit: Limits.subscriptionEventBytesMax)
            } catch {
                // A storage failure ends the stream with the service's own fault, as an event the client can read,
                // rather than a cut connection.
                logger.error("subscription read failed", metadata: ["stream.name": "\(key.name)", "error": "\(error)"])
                try await fail(KinesisError.internalFailure(), writer)
                return
            }
            position = result.nextPosition
            let atEnd = shard.closedAtPosition.map { position >= $0 } ?? false
            let heartbeatDue = lastEventMilliseconds.map { now - $0 >= Limits.subscriptionHeartbeatMilliseconds } ?? true
            if !result.records.isEmpty || atEnd || heartbeatDue {
                let caughtUp = result.nextPosition >= result.shard.nextPosition
                let millisBehindLatest = caughtUp ? 0 : max(0, now - (result.records.last?.arrivalMilliseconds ?? now))
                let records: [Record]
                do throws(KinesisError) {
                    records = try shard.wireRecords(result.records, sealer: service.sealer)
                } catch {
                    try await fail(error, writer)
                    return
                }
                let event = SubscribeToShardEvent(
                    records: records,
                    continuationSequenceNumber: atEnd ? nil : continuation(before: position, in: shard),
                    millisBehindLatest: millisBehindLatest,
                    childShards: atEnd ? stream.wireChildShards(of: shard) : nil)
                try await send(
                    .event("SubscribeToShardEvent", contentType: format.contentType, payload: format.encode(event)),
                    writer)
                service.metrics.recordRecordsOut(
                    stream: key.name, records: result.records.count,
                    bytes: records.reduce(0) { $0 + $1.data.count + $1.partitionKey.utf8.count })
                service.metrics.recordShardOutgoing(
                    stream, shardIndex: shardIndex, records: result.records, millisBehindLatest: millisBehindLatest)
                lastEventMilliseconds = now
                if atEnd { return }
                if !result.records.isEmpty && !caughtUp { continue }
            }
            let untilHeartbeat = (lastEventMilliseconds ?? now) + Limits.subscriptionHeartbeatMilliseconds - now
            let untilExpiry = startedMilliseconds + Limits.subscriptionLifetimeMilliseconds - now
            await service.appendSignal.wait(
                for: key, changedFrom: seen, timeout: .milliseconds(max(1, min(untilHeartbeat, untilExpiry))))
        }
    }

    /// The sequence number to resubscribe after: the last record before `position`, or the shard's start.
    private func continuation(before position: UInt64, in shard: ShardDescriptor) -> String {
        (position == 0 ? shard.startingSequenceNumber : shard.sequenceNumber(at: position - 1)).description
    }

    /// The initial response carries an empty object, in the request's format.
    private var initialPayload: [UInt8] {
        switch format {
        case .json: Array("{}".utf8)
        case .cbor: [0xA0]
        }
    }

    private func fail(_ error: KinesisError, _ writer: HTTPBodyWriter) async throws {
        logger.debug(
            "subscription ended with an error",
            metadata: ["consumer": "\(slot.consumerARN)", "error": "\(error.code.rawValue)"])
        // The event stream names the service fault InternalFailureException, not InternalFailure as bodies do.
        let type = error.code == .internalFailure ? "InternalFailureException" : error.code.rawValue
        try await send(.exception(type, contentType: format.contentType, payload: format.encode(error)), writer)
    }

    private func send(_ message: EventStreamMessage, _ writer: HTTPBodyWriter) async throws {
        try await writer.write(ByteBuffer(bytes: message.encoded()))
    }
}
