import Dispatch
import Logging
import RivuletCore
import Synchronization

/// Commits one round of appends: for every shard touched, encode all of its batches into one buffer and write it
/// with one pwrite; then make every written file durable once (fdatasyncs issued concurrently); then publish the
/// records to readers and resume the callers. Runs only on the commit queue.
///
/// A failure is contained to the shard it happened in: that shard's file is cut back to its published end and the
/// callers with a batch in it get the error; other shards commit normally. A caller whose batches span several
/// shards gets the error if any of its batches failed, while its batches in other shards are stored (the API is
/// at-least-once, so its retry may duplicate them, never lose them).
struct CommitRound {
    /// The batches of the round that go to one shard, in arrival order.
    private struct ShardBatches {
        let log: ShardLog
        var items: [(request: Int, batch: Int)]
    }

    /// A shard whose frames are written and wait to be made durable and published.
    private struct WrittenShard: Sendable {
        let log: ShardLog
        let file: OpenFile
        let frames: [(header: FrameHeader, offset: Int64)]
        let items: [BatchReference]
    }

    private struct BatchReference: Sendable {
        let request: Int
        let batch: Int
    }

    let requests: [AppendRequest]
    private var receipts: [[AppendReceipt?]]
    private var failures: [(any Error)?]

    init(_ requests: [AppendRequest]) {
        self.requests = requests
        receipts = requests.map { Array(repeating: nil, count: $0.batches.count) }
        failures = Array(repeating: nil, count: requests.count)
    }

    /// Runs the round and resumes every caller. Returns the files written but not yet made durable (for the
    /// `interval` and `never` policies).
    mutating func run(
        nowMilliseconds: Int64, policy: FsyncPolicy, fileSystem: any FileSystem, staging: inout [UInt8]
    ) -> [OpenFile] {
        var written: [WrittenShard] = []
        for shard in groupByShard() {
            if let done = write(shard, nowMilliseconds: nowMilliseconds, fileSystem: fileSystem, staging: &staging) {
                written.append(done)
            }
        }
        var unsynchronized: [OpenFile] = []
        CommitMetrics.recordRound(appends: requests.count)
        if policy == .always {
            let started = DispatchTime.now().uptimeNanoseconds
            written = synchronize(written, fileSystem: fileSystem)
            CommitMetrics.recordSynchronization(nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
        } else {
            unsynchronized = written.map(\.file)
        }
        for shard in written {
            shard.log.publish(shard.frames)
        }
        resumeCallers()
        return unsynchronized
    }

    private func groupByShard() -> [ShardBatches] {
        var groups: [ShardBatches] = []
        var groupOfLog: [ObjectIdentifier: Int] = [:]
        for (requestNumber, request) in requests.enumerated() {
            for (batchNumber, log) in request.logs.enumerated() {
                let key = ObjectIdentifier(log)
                if let group = groupOfLog[key] {
                    groups[group].items.append((requestNumber, batchNumber))
                } else {
                    groupOfLog[key] = groups.count
                    groups.append(ShardBatches(log: log, items: [(requestNumber, batchNumber)]))
                }
            }
        }
        return groups
    }

    /// Encodes and writes one shard's batches; on failure, records it for the callers and returns nil.
    private mutating func write(
        _ shard: ShardBatches, nowMilliseconds: Int64, fileSystem: any FileSystem, staging: inout [UInt8]
    ) -> WrittenShard? {
        let target: ShardLog.WriteTarget
        do {
            target = try shard.log.beginWrite(nowMilliseconds: nowMilliseconds)
        } catch {
            fail(shard.items.map { BatchReference(request: $0.request, batch: $0.batch) }, error)
            return nil
        }
        // Arrival times never go back within a shard, even if the wall clock does: AT_TIMESTAMP relies on it.
        let arrival = max(nowMilliseconds, target.lastArrivalMilliseconds ?? nowMilliseconds)
        staging.removeAll(keepingCapacity: true)
        var position = target.nextPosition
        var frames: [(header: FrameHeader, offset: Int64)] = []
        frames.reserveCapacity(shard.items.count)
        var references: [BatchReference] = []
        references.reserveCapacity(shard.items.count)
        for item in shard.items {
            let batch = requests[item.request].batches[item.batch]
            let frameStart = staging.count
            RecordFrame.append(
                firstPosition: position, arrivalMilliseconds: arrival, records: batch.records, to: &staging)
            let header = FrameHeader(
                firstPosition: position, arrivalMilliseconds: arrival, recordCount: batch.records.count,
                frameBytes: staging.count - frameStart)
            frames.append((header, target.offset + Int64(frameStart)))
            receipts[item.request][item.batch] = AppendReceipt(
                shardIndex: batch.shardIndex, firstPosition: position, arrivalMilliseconds: arrival)
            references.append(BatchReference(request: item.request, batch: item.batch))
            position = header.nextPosition
        }
        do {
            try shard.log.reservePositions(below: position)
        } catch {
            // Nothing written: a position not durably reserved is never handed out.
            fail(references, error)
            return nil
        }
        do {
            try staging.withUnsafeBytes { try fileSystem.write($0, to: target.file, at: target.offset) }
        } catch {
            shard.log.discardUnpublished(in: target.file)
            fail(references, error)
            return nil
        }
        return WrittenShard(log: shard.log, file: target.file, frames: frames, items: references)
    }

    /// fdatasyncs every written file, concurrently when there are several, and keeps the shards that made it.
    private mutating func synchronize(_ written: [WrittenShard], fileSystem: any FileSystem) -> [WrittenShard] {
        let errors = Mutex<[(any Error)?]>(Array(repeating: nil, count: written.count))
        if written.count == 1 {
            do { try fileSystem.synchronize(written[0].file) } catch { errors.withLock { $0[0] = error } }
        } else if written.count > 1 {
            DispatchQueue.concurrentPerform(iterations: written.count) { number in
                do {
                    try fileSystem.synchronize(written[number].file)
                } catch {
                    errors.withLock { $0[number] = error }
                }
            }
        }
        let outcomes = errors.withLock { $0 }
        var durable: [WrittenShard] = []
        for (shard, error) in zip(written, outcomes) {
            if let error {
                shard.log.discardUnpublished(in: shard.file)
                fail(shard.items, error)
            } else {
                durable.append(shard)
            }
        }
        return durable
    }

    private mutating func fail(_ items: [BatchReference], _ error: any Error) {
        for item in items where failures[item.request] == nil {
            failures[item.request] = error
        }
    }

    private func resumeCallers() {
        for (number, request) in requests.enumerated() {
            if let failure = failures[number] {
                request.continuation.resume(throwing: failure)
            } else {
                request.continuation.resume(
                    returning: receipts[number].map { receipt in
                        guard let receipt else { preconditionFailure("a batch that did not fail has a receipt") }
                        return receipt
                    })
            }
        }
    }
}
