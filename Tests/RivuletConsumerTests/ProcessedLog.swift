import Foundation
import RivuletConsumer
import RivuletLeases
import Synchronization

/// What the test processors saw, across workers: every delivered record with the worker that got it, and every
/// lifecycle call.
final class ProcessedLog: Sendable {
    struct Delivery: Sendable, Hashable {
        var worker: String
        var shardId: String
        var record: ConsumerRecord
    }

    enum Event: Sendable, Hashable {
        case initialized(worker: String, shardId: String, from: ExtendedSequenceNumber)
        case leaseLost(worker: String, shardId: String)
        case shardEnded(worker: String, shardId: String)
        case shutdownRequested(worker: String, shardId: String)
    }

    private let state = Mutex<(deliveries: [Delivery], events: [Event])>(([], []))

    var deliveries: [Delivery] { state.withLock { $0.deliveries } }
    var events: [Event] { state.withLock { $0.events } }

    func record(_ delivery: Delivery) { state.withLock { $0.deliveries.append(delivery) } }
    func record(_ event: Event) { state.withLock { $0.events.append(event) } }

    /// The data of every delivered record, as text.
    var texts: [String] { deliveries.map { String(decoding: $0.record.data, as: UTF8.self) } }
}

/// Records what it is given and checkpoints after every batch, at shard end and at shutdown.
final class RecordingProcessor: ShardRecordProcessor {
    let worker: String
    let log: ProcessedLog
    let checkpointsEveryBatch: Bool
    private var shardId = ""

    init(worker: String, log: ProcessedLog, checkpointsEveryBatch: Bool = true) {
        self.worker = worker
        self.log = log
        self.checkpointsEveryBatch = checkpointsEveryBatch
    }

    func initialize(_ input: InitializationInput) async throws {
        shardId = input.shardId
        log.record(.initialized(worker: worker, shardId: input.shardId, from: input.extendedSequenceNumber))
    }

    func processRecords(_ input: ProcessRecordsInput) async throws {
        for record in input.records {
            log.record(ProcessedLog.Delivery(worker: worker, shardId: input.shardId, record: record))
        }
        if checkpointsEveryBatch {
            try await input.checkpointer.checkpoint()
        }
    }

    func leaseLost() async {
        log.record(.leaseLost(worker: worker, shardId: shardId))
    }

    func shardEnded(_ input: ShardEndedInput) async throws {
        log.record(.shardEnded(worker: worker, shardId: input.shardId))
        try await input.checkpointer.checkpoint()
    }

    func shutdownRequested(_ input: ShutdownRequestedInput) async throws {
        log.record(.shutdownRequested(worker: worker, shardId: input.shardId))
        try await input.checkpointer.checkpoint()
    }
}

/// Polls `condition` until it holds or `seconds` pass; the deadline is generous because the machine may be loaded.
func eventually(
    within seconds: Double = 60, _ description: String, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw WaitTimedOut(description: description)
}

struct WaitTimedOut: Error, CustomStringConvertible {
    var description: String
}
