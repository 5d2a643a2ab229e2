import Logging
import RivuletCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ShardLog {
    /// A segment chosen for reading, copied out of the lock.
    private struct ReadTarget {
        var summary: SegmentSummary
        /// The active segment's file; closed segments are opened by path for the read.
        var activeFile: OpenFile?
        /// Where to start scanning for a position, from the active segment's in-memory index.
        var activeEntry: IndexEntry?
        /// The first position of the segment after this one, for stepping over a gap left by a repaired segment.
        var followingFirstPosition: UInt64?
    }

    /// Reads records from `position` (or the trim horizon, if that is later) within the given limits.
    func read(from position: UInt64, recordLimit: Int, byteLimit: Int) throws -> ShardReadResult {
        precondition(recordLimit > 0 && byteLimit > 0, "read limits must be positive")
        var attempt = 1
        while true {
            do {
                return try readOnce(from: position, recordLimit: recordLimit, byteLimit: byteLimit)
            } catch StorageError.io(let operation, let path, let errno)
                where operation == "open" && errno == ENOENT && attempt < Limits.readAttemptsMax
            {
                // Retention removed the segment between finding and opening it; the trim horizon has moved on.
                environment.logger.debug("segment removed during read; retrying", metadata: ["file.path": "\(path)"])
                attempt += 1
            }
        }
    }

    private func readOnce(from position: UInt64, recordLimit: Int, byteLimit: Int) throws -> ShardReadResult {
        let shard = shardState
        let start = max(position, shard.trimHorizonPosition)
        var records: [StoredRecord] = []
        records.reserveCapacity(min(recordLimit, Int(clamping: shard.nextPosition &- min(start, shard.nextPosition))))
        var bytes = 0
        var cursor = start
        var isFull = false
        while cursor < shard.nextPosition && !isFull {
            if let hole = hole(containing: cursor) {
                noteSteppedOver(hole)
                cursor = hole.toPosition
                continue
            }
            let target = state.withLock { readTarget(containing: cursor, in: $0) }
            if cursor >= target.summary.nextPosition {
                guard let following = target.followingFirstPosition, following > cursor else { break }
                cursor = following
                continue
            }
            let file =
                try target.activeFile
                ?? fileSystem.openFile(
                    atPath: segmentPath(target.summary.firstPosition), creating: false)
            let entry =
                target.activeFile == nil ? closedIndex(target.summary).entry(atOrBefore: cursor) : target.activeEntry
            try walkFrames(of: target.summary, file: file, from: entry) { header, frame in
                guard header.nextPosition > cursor else { return true }
                RecordFrame.forEachRecord(in: frame, header) { recordPosition, partitionKey, data, sealed in
                    guard recordPosition >= cursor else { return true }
                    guard recordPosition < shard.nextPosition, records.count < recordLimit,
                        records.isEmpty || bytes + partitionKey.count + data.count <= byteLimit
                    else {
                        isFull = true
                        return false
                    }
                    bytes += partitionKey.count + data.count
                    records.append(
                        StoredRecord(
                            position: recordPosition, arrivalMilliseconds: header.arrivalMilliseconds,
                            partitionKey: String(decoding: partitionKey, as: UTF8.self), data: Array(data),
                            sealed: sealed))
                    return true
                }
                cursor = max(cursor, records.last.map { $0.position + 1 } ?? cursor)
                return !isFull && cursor < shard.nextPosition
            } onHole: { hole in
                cursor = max(cursor, hole.toPosition)
            }
            if !isFull { cursor = max(cursor, target.summary.nextPosition) }
        }
        // Past a hole with no record after it yet, the next read starts after the hole rather than in it.
        let next = records.last.map { $0.position + 1 } ?? max(start, min(cursor, shard.nextPosition))
        return ShardReadResult(records: records, nextPosition: next, shard: shard)
    }

    /// Walks the good frames of a segment from `entry` (or its start) to its end, calling `visit` with each until it
    /// returns false. Frames must continue each other's positions exactly; only a hole breaks the sequence. Damaged
    /// bytes are stepped over: a recorded hole says where good frames resume, and damage no hole describes yet is
    /// resynchronised past and recorded as one, so a damaged frame is never an error a reader retries forever.
    private func walkFrames(
        of summary: SegmentSummary, file: OpenFile, from entry: IndexEntry?,
        visit: (FrameHeader, UnsafeRawBufferPointer) throws -> Bool, onHole: (PositionHole) -> Void
    ) throws {
        var offset = entry?.offset ?? 0
        var expected = entry?.position ?? summary.firstPosition
        while offset < summary.bytes {
            var outOfSequence: (offset: Int64, reason: String)?
            let walker = FrameWalker(
                file: file, fileSystem: fileSystem, from: offset, to: summary.bytes,
                bufferBytes: configuration.readBufferBytes)
            let end = try walker.walk { header, frame, frameOffset in
                guard header.firstPosition == expected else {
                    outOfSequence = (
                        frameOffset, "frame starts at position \(header.firstPosition), expected \(expected)"
                    )
                    return false
                }
                expected = header.nextPosition
                return try visit(header, frame)
            }
            let damage: (offset: Int64, reason: String)
            switch end {
            case .reachedEnd: return
            case .stopped:
                guard let outOfSequence else { return }
                damage = outOfSequence
            case .damaged(let damageOffset, let reason): damage = (damageOffset, reason)
            case .truncated(let damageOffset): damage = (damageOffset, "data ends inside a frame")
            }
            let hole = try hole(
                forDamageIn: summary, file: file, at: damage.offset, reason: damage.reason, expectedPosition: expected)
            noteSteppedOver(hole)
            onHole(hole)
            expected = max(expected, hole.toPosition)
            guard let resume = hole.endOffset, resume > damage.offset else { return }
            offset = resume
        }
    }

    /// The position of the first record that arrived at or after `milliseconds`, or the next position if none did.
    func position(atTimestamp milliseconds: Int64) throws -> UInt64 {
        var attempt = 1
        while true {
            do {
                return try positionOnce(atTimestamp: milliseconds)
            } catch StorageError.io(let operation, _, let errno)
                where operation == "open" && errno == ENOENT && attempt < Limits.readAttemptsMax
            {
                attempt += 1
            }
        }
    }

    private func positionOnce(atTimestamp milliseconds: Int64) throws -> UInt64 {
        let found: (ReadTarget?, UInt64) = state.withLock { state in
            let nextPosition = state.active.summary.nextPosition
            let segments = state.closedSegments + [state.active.summary]
            guard let summary = segments.first(where: { ($0.lastArrivalMilliseconds ?? .min) >= milliseconds }) else {
                return (nil, nextPosition)
            }
            let isActive = summary.firstPosition == state.active.summary.firstPosition
            let target = ReadTarget(
                summary: summary, activeFile: isActive ? state.active.file : nil,
                activeEntry: isActive ? state.active.index.entry(arrivedBefore: milliseconds) : nil,
                followingFirstPosition: nil)
            return (target, nextPosition)
        }
        guard let target = found.0 else { return found.1 }
        if let firstArrival = target.summary.firstArrivalMilliseconds, firstArrival >= milliseconds {
            return target.summary.firstPosition
        }
        let file =
            try target.activeFile
            ?? fileSystem.openFile(
                atPath: segmentPath(target.summary.firstPosition), creating: false)
        let entry =
            target.activeFile == nil
            ? closedIndex(target.summary).entry(arrivedBefore: milliseconds) : target.activeEntry
        var answer = target.summary.nextPosition
        try walkFrames(of: target.summary, file: file, from: entry) { header, _ in
            guard header.arrivalMilliseconds >= milliseconds else { return true }
            answer = header.firstPosition
            return false
        } onHole: { _ in }
        return answer
    }

    /// Picks the segment holding `position`: the active one, or the last closed one starting at or before it.
    private func readTarget(containing position: UInt64, in state: State) -> ReadTarget {
        if position >= state.active.summary.firstPosition || state.closedSegments.isEmpty {
            return ReadTarget(
                summary: state.active.summary, activeFile: state.active.file,
                activeEntry: state.active.index.entry(atOrBefore: position), followingFirstPosition: nil)
        }
        var low = 0
        var high = state.closedSegments.count
        while low < high {
            let middle = (low + high) / 2
            if state.closedSegments[middle].firstPosition <= position { low = middle + 1 } else { high = middle }
        }
        let chosen = max(low - 1, 0)
        let following =
            chosen + 1 < state.closedSegments.count
            ? state.closedSegments[chosen + 1].firstPosition : state.active.summary.firstPosition
        return ReadTarget(
            summary: state.closedSegments[chosen], activeFile: nil, activeEntry: nil,
            followingFirstPosition: following)
    }

    /// A closed segment's sparse index, from the cache or its index file. A damaged index file costs only speed: the
    /// segment is then scanned from its start, and the file is rebuilt on the next open.
    private func closedIndex(_ summary: SegmentSummary) -> SegmentIndex {
        environment.indexCache.index(forSegmentAt: segmentPath(summary.firstPosition)) {
            let path = indexPath(summary.firstPosition)
            let bytes = try? fileSystem.readWholeFile(atPath: path)
            if let bytes,
                let decoded = IndexFile.decode(
                    bytes, firstPosition: summary.firstPosition, intervalBytes: configuration.indexIntervalBytes),
                decoded.summary == summary
            {
                return decoded.index
            }
            environment.logger.warning(
                "segment index unusable; scanning the segment", metadata: ["file.path": "\(path)"])
            return SegmentIndex(intervalBytes: configuration.indexIntervalBytes)
        }
    }
}
