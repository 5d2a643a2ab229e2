import RivuletCore

extension ShardLog {
    /// Commit pipeline only, before a write: makes sure every position below `end` is covered by the durable
    /// reservation, extending it by a block (one atomic file replacement, two fsyncs) when it is not. So the cost is
    /// one extra sync per `Limits.positionReservationBlockPositions` positions, and after any crash recovery can
    /// start the shard past every position it ever acknowledged.
    func reservePositions(below end: UInt64) throws {
        let reservation = state.withLock { $0.reservation }
        if let reservation, !reservation.closedCleanly, end <= reservation.position { return }
        let extended = ReservationFile.Contents(
            position: end + Limits.positionReservationBlockPositions, closedCleanly: false)
        try ReservationFile.store(extended, directory: directory, fileSystem: fileSystem)
        state.withLock { $0.reservation = extended }
    }

    /// After the last append of a clean shutdown: records the exact next position, so the next open neither
    /// guesses nor leaves unused positions. Skipped when the file says so already.
    func recordCleanClose() throws {
        let (next, reservation, isDeleted) = state.withLock {
            ($0.active.summary.nextPosition, $0.reservation, $0.isDeleted)
        }
        guard !isDeleted else { return }
        let clean = ReservationFile.Contents(position: next, closedCleanly: true)
        if reservation == clean { return }
        try ReservationFile.store(clean, directory: directory, fileSystem: fileSystem)
        state.withLock { $0.reservation = clean }
    }
}
