import Logging
import RivuletCore
import RivuletProducer

/// Tails one flow's files and hands their records to the flow's producer, checkpointing each file only over the
/// prefix of records the stream acknowledged.
///
/// One task runs it. Each turn it looks for files (the pattern, at most every `minTimeBetweenFilePollsMillis`),
/// notices rotation (renames, deletions, truncations, copies), reads every file that grew (all of them, not one at
/// a time), cuts records, processes them, and puts them. Reading stops while the flow holds its share of
/// `maxBufferedBytes` unacknowledged (the producer's bound, checked before each chunk so this task does not block
/// in it), so memory stays bounded through an outage of any length while files are still found and opened.
final class FlowTailer {
    let flow: FlowConfiguration
    let pattern: FilePattern
    let producer: Producer
    /// This flow's share of `maxBufferedBytes`; the producer refuses more, and reading stops short of it.
    let bufferedBytesMax: Int
    let store: any CheckpointStore
    let counters: FlowCounters
    let ledger = DeliveryLedger()
    var partitionKeys: PartitionKeyChooser
    let clock: any WallClock
    let logger: Logger

    var files: [Int: TailedFile] = [:]
    var keysByIdentity: [FileIdentity: Int] = [:]
    var nextKey = 0
    /// Checkpoint rows to delete at the next save: files gone, or whose inode now holds other content.
    var removedIdentities: [FileIdentity] = []
    /// True on the flow's very first start: only then does `initialPosition` apply.
    var flowIsNew = false
    var readBuffer: [UInt8]
    var framed: [FramedRecord] = []
    var lastDiscoveryMilliseconds: Int64 = .min
    var lastCheckpointMilliseconds: Int64 = .min

    init(
        flow: FlowConfiguration, producer: Producer, bufferedBytesMax: Int, store: any CheckpointStore,
        counters: FlowCounters, clock: any WallClock, logger: Logger
    ) throws(FilePatternError) {
        self.flow = flow
        self.bufferedBytesMax = bufferedBytesMax
        // Compressed files (rotated copies, mostly) are never read: their bytes are not lines.
        pattern = try FilePattern(flow.filePattern, includeCompressed: false)
        self.producer = producer
        self.store = store
        self.counters = counters
        self.clock = clock
        partitionKeys = PartitionKeyChooser(option: flow.partitionKey)
        var logger = logger
        logger[metadataKey: "flow"] = "\(flow.identifier)"
        self.logger = logger
        readBuffer = [UInt8](repeating: 0, count: AgentLimits.readChunkBytes)
    }

    /// Tails until `stop` is set (or, with `once`, until every file has been read to its end), then returns; the
    /// caller then drains the producer and calls `finish()`.
    func run(stop: StopSignal, once: Bool) async throws {
        try await restore(nowMilliseconds: clock.nowMilliseconds())
        try await saveCheckpoints(nowMilliseconds: clock.nowMilliseconds())
        while !stop.isStopped && !Task.isCancelled {
            let now = clock.nowMilliseconds()
            if now - lastDiscoveryMilliseconds >= Int64(flow.minTimeBetweenFilePollsMilliseconds) {
                discover(nowMilliseconds: now)
                lastDiscoveryMilliseconds = now
            }
            let progressed = try await readGrowingFiles(nowMilliseconds: now)
            if !once {
                try await flushPartialRecords(nowMilliseconds: now)
            }
            try await retireFinishedFiles(nowMilliseconds: now)
            if now - lastCheckpointMilliseconds >= AgentLimits.checkpointIntervalMilliseconds {
                try await saveCheckpoints(nowMilliseconds: now)
            }
            publishLag()
            if once && !progressed && isCaughtUp { return }
            if !progressed {
                try? await Task.sleep(for: .milliseconds(flow.minTimeBetweenFilePollsMilliseconds))
            }
        }
    }

    /// Writes the final checkpoints and closes every file. Records still unacknowledged stay behind the
    /// checkpoint and are read again at the next start.
    func finish() async throws {
        try await saveCheckpoints(nowMilliseconds: clock.nowMilliseconds())
        for file in files.values {
            file.opened?.close()
        }
    }

    /// Every file that is being read has been read to the size it had at the last look.
    var isCaughtUp: Bool {
        files.values.allSatisfy { file in
            !file.isReading || file.readOffsetBytes >= file.sizeBytes
        }
    }

    func publishLag() {
        var behind: Int64 = 0
        for file in files.values where file.copiedKey == nil {
            let acknowledged = ledger.progress(file.key)?.acknowledgedOffsetBytes ?? file.readOffsetBytes
            behind += max(file.sizeBytes - acknowledged, 0)
        }
        counters.behind(bytes: Int(behind))
    }

    func allocateKey() -> Int {
        defer { nextKey += 1 }
        return nextKey
    }
}
