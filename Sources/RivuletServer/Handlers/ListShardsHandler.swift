import RivuletCore
import RivuletStorage
import RivuletWire

struct ListShardsHandler: OperationHandler {
    typealias Operation = ListShardsOperation
    let service: KinesisService

    func handle(_ input: ListShardsInput, context: RequestContext) async throws -> ListShardsOutput {
        let now = service.nowMilliseconds
        let start = try input.nextToken.map { try continuation($0, input: input, context: context, now: now) }
            ?? firstPage(input, context: context)
        let stream = try await service.stream(start.key)
        if let created = start.streamCreatedMilliseconds, created != stream.createdMilliseconds {
            throw KinesisError.streamNotFound(start.key)
        }
        if let created = input.streamCreationTimestamp,
            created.epochMilliseconds / 1000 != stream.createdMilliseconds / 1000
        {
            throw KinesisError.streamNotFound(start.key)
        }
        var shards = stream.shards.filter { shard in
            guard let filter = start.filter else { return true }
            return Self.matches(shard, filter: filter, stream: stream, nowMilliseconds: now)
        }
        if let afterIndex = start.afterShardIndex {
            shards = shards.filter { $0.index > afterIndex }
        }
        let limit = input.maxResults ?? Limits.listShardsMaxResultsDefault
        let page = Array(shards.prefix(limit))
        let nextToken = shards.count > page.count
            ? service.pageTokens.seal(
                PagePosition(
                    account: start.key.scope.account, region: start.key.scope.region, streamName: start.key.name,
                    streamCreatedMilliseconds: stream.createdMilliseconds,
                    lastKey: page.last.map { $0.id.description } ?? "", shardFilter: start.filter,
                    issuedMilliseconds: now))
            : nil
        return ListShardsOutput(shards: page.map(\.wireShard), nextToken: nextToken)
    }

    /// Where a listing starts: the stream, the filter, and the shard after which to continue.
    private struct Start {
        var key: StreamKey
        var filter: ShardFilter?
        var afterShardIndex: Int?
        /// Set when continuing: the listed stream must still be the same incarnation.
        var streamCreatedMilliseconds: Int64?
    }

    private func firstPage(_ input: ListShardsInput, context: RequestContext) throws -> Start {
        guard input.streamName != nil || input.streamARN != nil else {
            throw KinesisError(.invalidArgument, "Either NextToken or StreamName should be provided.")
        }
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        if let filter = input.shardFilter {
            try check(filter)
        }
        let after = input.exclusiveStartShardId.map { ShardID(parsing: $0)?.index ?? -1 }
        return Start(key: key, filter: input.shardFilter, afterShardIndex: after)
    }

    private func continuation(
        _ text: String, input: ListShardsInput, context: RequestContext, now: Int64
    ) throws -> Start {
        if input.streamName != nil || input.streamARN != nil {
            throw KinesisError(.invalidArgument, "NextToken and StreamName cannot be provided together.")
        }
        if input.exclusiveStartShardId != nil || input.shardFilter != nil || input.streamCreationTimestamp != nil {
            throw KinesisError(
                .invalidArgument,
                "NextToken cannot be provided together with ExclusiveStartShardId, ShardFilter or "
                    + "StreamCreationTimestamp.")
        }
        let page = try service.pageTokens.open(text, nowMilliseconds: now)
        guard !page.streamName.isEmpty, page.account == context.scope.account, page.region == context.scope.region
        else { throw KinesisError(.invalidArgument, "Invalid NextToken.") }
        return Start(
            key: StreamKey(scope: context.scope, name: page.streamName), filter: page.shardFilter,
            afterShardIndex: ShardID(parsing: page.lastKey)?.index ?? -1,
            streamCreatedMilliseconds: page.streamCreatedMilliseconds)
    }

    private func check(_ filter: ShardFilter) throws {
        switch filter.type {
        case .afterShardId where filter.shardId == nil:
            throw KinesisError(.invalidArgument, "ShardId must be specified for the AFTER_SHARD_ID ShardFilter type.")
        case .atTimestamp where filter.timestamp == nil, .fromTimestamp where filter.timestamp == nil:
            throw KinesisError(
                .invalidArgument, "Timestamp must be specified for the \(filter.type.rawValue) ShardFilter type.")
        default:
            break
        }
    }

    /// ShardFilter semantics: which shards a consumer starting at the given point needs.
    static func matches(
        _ shard: ShardDescriptor, filter: ShardFilter, stream: StreamDescriptor, nowMilliseconds: Int64
    ) -> Bool {
        let trimHorizon = nowMilliseconds - Int64(stream.retentionHours) * 3_600_000
        switch filter.type {
        case .afterShardId:
            return shard.index > (filter.shardId.flatMap(ShardID.init(parsing:))?.index ?? -1)
        case .atLatest:
            return shard.isOpen
        case .atTrimHorizon:
            return isOpen(shard, at: trimHorizon)
        case .fromTrimHorizon:
            return isOpen(shard, since: trimHorizon)
        case .atTimestamp:
            return isOpen(shard, at: filter.timestamp?.epochMilliseconds ?? 0)
        case .fromTimestamp:
            return isOpen(shard, since: filter.timestamp?.epochMilliseconds ?? 0)
        }
    }

    /// Open at `time`: created by then (a shard without parents counts as open from the beginning of time) and not
    /// yet closed.
    private static func isOpen(_ shard: ShardDescriptor, at time: Int64) -> Bool {
        let created = shard.parentIndex == nil || shard.createdMilliseconds <= time
        return created && isOpen(shard, since: time)
    }

    /// Open at `time` or at any moment after it.
    private static func isOpen(_ shard: ShardDescriptor, since time: Int64) -> Bool {
        guard let closed = shard.closedMilliseconds else { return shard.isOpen }
        return closed >= time
    }
}
