import Logging

extension ShardLog {
    /// Deletes the oldest segments whose newest record arrived before `cutoffMilliseconds`, rolling the active segment
    /// first when all of the shard's data has expired. Returns the bytes freed. Commit pipeline only.
    ///
    /// Arrival times never decrease along a shard, so the expired segments are always a prefix of the segment list.
    /// Readers stop seeing a segment (the trim horizon moves) before its files are unlinked; a reader that already
    /// holds its file keeps reading it.
    func removeSegments(arrivedBefore cutoffMilliseconds: Int64) throws -> Int64 {
        func isExpired(_ summary: SegmentSummary) -> Bool {
            // A segment of damaged bytes only has no arrival time but holds nothing readable: it never blocks.
            guard let last = summary.lastArrivalMilliseconds else { return !summary.isEmpty }
            return last < cutoffMilliseconds
        }
        let activeExpired = state.withLock { state in
            state.closedSegments.allSatisfy(isExpired) && isExpired(state.active.summary)
        }
        if activeExpired {
            try roll()
        }
        let removed: [SegmentSummary] = state.withLock { state in
            let count = state.closedSegments.prefix(while: isExpired).count
            let removed = Array(state.closedSegments.prefix(count))
            state.closedSegments.removeFirst(count)
            return removed
        }
        var freedBytes: Int64 = 0
        for summary in removed {
            let path = segmentPath(summary.firstPosition)
            environment.indexCache.remove(segmentAt: path)
            try fileSystem.removeFile(atPath: path)
            try fileSystem.removeFile(atPath: indexPath(summary.firstPosition))
            freedBytes += summary.bytes
        }
        if !removed.isEmpty {
            forgetHoles(below: state.withLock { $0.trimHorizonPosition })
            environment.logger.debug(
                "retention removed segments",
                metadata: [
                    "stream.name": "\(stream)", "shard.index": "\(shardIndex)", "segments.count": "\(removed.count)",
                    "bytes.freed": "\(freedBytes)",
                ])
        }
        return freedBytes
    }
}
