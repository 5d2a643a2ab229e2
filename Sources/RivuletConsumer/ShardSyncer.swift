import RivuletClient
import RivuletLeases
import RivuletWire

/// Creates leases for shards that have none: all of them on a new application's first run (by its initial
/// position), and later the children that resharding creates.
///
/// A child of a leased shard starts at TRIM_HORIZON so no record between its parent's end and its start is skipped.
/// On a first run from LATEST, closed shards get no lease: their records are all older than LATEST.
struct ShardSyncer {
    let client: any KinesisDataPlane
    let store: any LeaseStore
    let configuration: ConsumerConfiguration

    /// Returns the number of leases created.
    @discardableResult
    func sync() async throws -> Int {
        let shards = try await listAllShards()
        let existing = try await store.listLeases()
        let isFirstRun = existing.isEmpty
        var leased = Set(existing.map(\.leaseKey))
        var created = 0
        // Shard ids grow with creation, so parents come before their children in this order.
        for shard in shards.sorted(by: { $0.shardId < $1.shardId }) where !leased.contains(shard.shardId) {
            let parents = [shard.parentShardId, shard.adjacentParentShardId].compactMap { $0 }
            let isClosed = shard.sequenceNumberRange.endingSequenceNumber != nil
            let checkpoint: ExtendedSequenceNumber
            if parents.contains(where: leased.contains) {
                checkpoint = .trimHorizon
            } else if isClosed {
                // A closed shard outside the leased lineage is older than where this application started.
                guard isFirstRun, configuration.initialPosition != .latest else { continue }
                checkpoint = initialCheckpoint
            } else {
                checkpoint = initialCheckpoint
            }
            let lease = Lease(
                leaseKey: shard.shardId, checkpoint: checkpoint,
                parentShardIds: parents,
                startingHashKey: shard.hashKeyRange.startingHashKey, endingHashKey: shard.hashKeyRange.endingHashKey)
            if try await store.createLeaseIfNotExists(lease) {
                created += 1
            }
            leased.insert(shard.shardId)
        }
        return created
    }

    private var initialCheckpoint: ExtendedSequenceNumber {
        switch configuration.initialPosition {
        case .trimHorizon: .trimHorizon
        case .latest: .latest
        case .atTimestamp: .atTimestamp
        }
    }

    private func listAllShards() async throws -> [Shard] {
        var shards: [Shard] = []
        var input = ListShardsInput()
        if configuration.stream.hasPrefix("arn:") {
            input.streamARN = configuration.stream
        } else {
            input.streamName = configuration.stream
        }
        while true {
            let output = try await client.listShards(input)
            shards.append(contentsOf: output.shards ?? [])
            guard let token = output.nextToken else { return shards }
            // A page after the first names only the token, as the API requires.
            input = ListShardsInput(nextToken: token)
        }
    }
}
