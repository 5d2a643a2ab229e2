import Logging
import RivuletCore

extension ShardLog {
    /// The recorded hole holding `position`, if any.
    func hole(containing position: UInt64) -> PositionHole? {
        state.withLock { state in state.holes.first { $0.contains(position) } }
    }

    /// The hole for damaged bytes a reader met at `offset` of a segment: the recorded one, or else a new one found
    /// by resynchronising past the damage, which is recorded so that no later reader pays for the scan again. Never
    /// throws for the damage itself: a consumer must not be stuck behind a damaged frame.
    func hole(
        forDamageIn summary: SegmentSummary, file: OpenFile, at offset: Int64, reason: String,
        expectedPosition: UInt64
    ) throws -> PositionHole {
        let recorded = state.withLock { state in
            state.holes.first { $0.segmentFirstPosition == summary.firstPosition && $0.startOffset == offset }
        }
        if let recorded { return recorded }
        let found = try FrameResynchronizer.nextFrame(
            in: file, fileSystem: fileSystem, after: offset, before: summary.bytes,
            expectedPosition: expectedPosition)
        let hole = PositionHole(
            fromPosition: expectedPosition,
            toPosition: found?.header.firstPosition ?? max(expectedPosition, summary.nextPosition),
            reason: reason, segmentFirstPosition: summary.firstPosition, startOffset: offset,
            endOffset: found?.offset ?? summary.bytes)
        environment.logger.error(
            "damaged frames found while reading; recording them as a hole",
            metadata: metadata(of: hole, path: file.path))
        StorageMetrics.recordHoleFound()
        record([hole])
        return hole
    }

    /// Adds holes to the record, in memory and in holes.json. Beyond `Limits.shardHolesMax` holes are not
    /// recorded (readers still step over the damage, finding it again each time) and the log says why.
    func record(_ newHoles: [PositionHole]) {
        holeRecording.withLock { _ in
            let current = state.withLock { $0.holes }
            let fresh = newHoles.filter { hole in !current.contains { $0.describesSameRange(as: hole) } }
            guard !fresh.isEmpty else { return }
            let room = max(Limits.shardHolesMax - current.count, 0)
            if fresh.count > room {
                environment.logger.error(
                    "too many holes in one shard to record; the shard needs restoring from a copy",
                    metadata: [
                        "file.path": "\(HoleFile.path(in: directory))", "holes.max": "\(Limits.shardHolesMax)",
                        "holes.unrecorded": "\(fresh.count - room)",
                    ])
            }
            let updated = (current + fresh.prefix(room)).sorted { $0.fromPosition < $1.fromPosition }
            guard updated.count > current.count else { return }
            do {
                try HoleFile.store(updated, directory: directory, fileSystem: fileSystem)
            } catch {
                // Kept in memory all the same: the damage is still stepped over, and found again after a restart.
                environment.logger.error(
                    "could not write the hole record",
                    metadata: ["file.path": "\(HoleFile.path(in: directory))", "error": "\(error)"])
            }
            state.withLock { $0.holes = updated }
        }
    }

    /// Counts a reader stepping over a hole, and warns the first time this process does so for that hole. Unused
    /// positions (a crash's reservation gap, some 2^20 of them) are not counted: they never held a record, and
    /// would drown the count of positions whose records were lost.
    func noteSteppedOver(_ hole: PositionHole) {
        if !hole.isUnusedPositions { StorageMetrics.recordPositionsSkipped(hole.positionCount) }
        let isFirst = state.withLock { $0.warnedHoles.insert(hole).inserted }
        guard isFirst else { return }
        environment.logger.warning(
            "reading past a hole: no records exist for these positions",
            metadata: metadata(of: hole, path: directory))
    }

    /// Forgets holes wholly below the trim horizon once retention has removed their segments.
    func forgetHoles(below position: UInt64) {
        holeRecording.withLock { _ in
            let current = state.withLock { $0.holes }
            let kept = current.filter { $0.toPosition > position }
            guard kept.count < current.count else { return }
            do {
                try HoleFile.store(kept, directory: directory, fileSystem: fileSystem)
            } catch {
                environment.logger.warning(
                    "could not write the hole record", metadata: ["file.path": "\(directory)", "error": "\(error)"])
                return
            }
            state.withLock { $0.holes = kept }
        }
    }

    func metadata(of hole: PositionHole, path: String) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "file.path": "\(path)", "stream.name": "\(stream)", "shard.index": "\(shardIndex)",
            "position.from": "\(hole.fromPosition)", "position.to": "\(hole.toPosition)", "reason": "\(hole.reason)",
        ]
        if let segment = hole.segmentFirstPosition { metadata["segment"] = "\(SegmentFileName.log(segment))" }
        if let offset = hole.startOffset { metadata["offset"] = "\(offset)" }
        if let end = hole.endOffset { metadata["offset.end"] = "\(end)" }
        return metadata
    }
}
