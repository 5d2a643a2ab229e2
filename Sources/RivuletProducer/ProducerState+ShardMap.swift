/// The shard map's side: when to reload it, and re-predicting every buffered record when it changes.
extension ProducerState {
    func isShardMapRefreshDue(nowNanoseconds now: Int64) -> Bool {
        guard phase != .stopped else { return false }
        if mapStatus == .loading && lastRefreshNanoseconds == .min { return true }
        let elapsed = now &- lastRefreshNanoseconds
        if elapsed >= settings.shardMapRefreshIntervalNanoseconds { return true }
        let retryable = refreshRequested || mapStatus != .loaded
        return retryable && elapsed >= settings.shardMapRefreshMinimumIntervalNanoseconds
    }

    /// Installs a freshly loaded map (nil: the load failed). Buffered records are predicted again when the map
    /// changed; records in flight are predicted again only if they have to be retried.
    mutating func installShardMap(_ map: ShardMap?, nowNanoseconds now: Int64, effects: inout ProducerEffects) {
        lastRefreshNanoseconds = now
        refreshRequested = false
        guard let map else {
            if mapStatus == .loading { mapStatus = .unavailable }
            effects.dispatcher = takeDispatcher()
            return
        }
        mapStatus = .loaded
        guard map != shardMap else { return }
        if shardMap != nil { statistics.shardMapChanges += 1 }
        var buffered: [PendingRecord] = []
        var previousLanes: [String: ShardLane] = [:]
        for index in lanes.indices {
            lanes[index].drainRecords(into: &buffered)
            if let shardId = lanes[index].shardId { previousLanes[shardId] = lanes[index] }
        }
        lanes = map.entries.map { entry in
            var lane = ShardLane(
                shardId: entry.shardId, recordsPerSecond: settings.shardRecordsPerSecond,
                bytesPerSecond: settings.shardBytesPerSecond, nowNanoseconds: now)
            if let previous = previousLanes[entry.shardId] { lane.inheritTokens(from: previous) }
            return lane
        }
        lanes.append(ShardLane(shardId: nil, recordsPerSecond: nil, bytesPerSecond: nil, nowNanoseconds: now))
        shardMap = map
        laneCursor = 0
        readyRecordCount = 0
        readyBytes = 0
        // Oldest first, so that re-formed aggregates keep roughly the order records came in.
        buffered.sort { $0.arrivalNanoseconds < $1.arrivalNanoseconds }
        for record in buffered {
            enqueue(record)
        }
        effects.dispatcher = takeDispatcher()
    }
}
