import RivuletClient
import RivuletCore
import RivuletLeases
import RivuletWire

/// Reads a shard batch by batch from a checkpoint. A checkpoint at a sequence number is resumed AT that record and
/// everything at or before the checkpoint (sub-records of an aggregate included) is skipped, so a checkpoint in
/// the middle of an aggregate loses nothing and repeats nothing. An expired iterator is reopened after the last
/// record returned.
struct ShardReader {
    struct Batch {
        var records: [ConsumerRecord]
        var millisBehindLatest: Int64?
        /// Set when the shard is closed and fully read: the children to continue with.
        var childShardsAtEnd: [ChildShard]?
    }

    let shardId: String
    let client: any KinesisDataPlane
    let configuration: ConsumerConfiguration
    private var iterator: String?
    private var resumeAfter: ExtendedSequenceNumber
    /// Set while reading from an iterator opened AT a sequence number: what to skip at its start.
    private var skipThrough: ExtendedSequenceNumber?
    private var unpacker = RecordUnpacker()

    init(
        shardId: String, client: any KinesisDataPlane, configuration: ConsumerConfiguration,
        resumeAfter: ExtendedSequenceNumber
    ) {
        self.shardId = shardId
        self.client = client
        self.configuration = configuration
        self.resumeAfter = resumeAfter
    }

    var corruptAggregates: Int { unpacker.corruptAggregates }

    mutating func next() async throws -> Batch {
        let current: String
        if let iterator {
            current = iterator
        } else {
            current = try await open()
        }
        let output: GetRecordsOutput
        do {
            output = try await client.getRecords(
                GetRecordsInput(shardIterator: current, limit: configuration.recordsPerGetRecordsMax))
        } catch let error as KinesisClientError where error.kinesisError?.code == .expiredIterator {
            iterator = nil
            throw error
        }
        var records = unpacker.unpack(output.records)
        // Only the first records after opening at a position can be at or before it; records come in order,
        // so once one is past it the check is done with.
        if let skipThrough, let first = records.first {
            if SequenceOrder.isAtOrBefore(first.extendedSequenceNumber, skipThrough) {
                records.removeAll { SequenceOrder.isAtOrBefore($0.extendedSequenceNumber, skipThrough) }
            }
            if !records.isEmpty { self.skipThrough = nil }
        }
        if let last = records.last {
            resumeAfter = last.extendedSequenceNumber
        }
        iterator = output.nextShardIterator
        let atEnd = output.nextShardIterator == nil
        return Batch(
            records: records, millisBehindLatest: output.millisBehindLatest,
            childShardsAtEnd: atEnd ? (output.childShards ?? []) : nil)
    }

    private mutating func open() async throws -> String {
        var input = GetShardIteratorInput(shardId: shardId, shardIteratorType: .trimHorizon)
        if configuration.stream.hasPrefix("arn:") {
            input.streamARN = configuration.stream
        } else {
            input.streamName = configuration.stream
        }
        switch resumeAfter {
        case .trimHorizon, .shardEnd:
            input.shardIteratorType = .trimHorizon
        case .latest:
            input.shardIteratorType = .latest
        case .atTimestamp:
            if case .atTimestamp(let milliseconds) = configuration.initialPosition {
                input.shardIteratorType = .atTimestamp
                input.timestamp = WireTimestamp(epochMilliseconds: milliseconds)
            }
        default:
            input.shardIteratorType = .atSequenceNumber
            input.startingSequenceNumber = resumeAfter.sequenceNumber
            skipThrough = resumeAfter
        }
        guard let opened = try await client.getShardIterator(input).shardIterator else {
            throw KinesisClientError.unexpectedResponse(
                httpStatus: 200, requestId: nil, detail: "GetShardIterator returned no iterator for \(shardId)")
        }
        iterator = opened
        return opened
    }
}
