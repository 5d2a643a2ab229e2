import RivuletCore
import RivuletStorage
import RivuletWire

struct ListShardsHandler: OperationHandler {
    typealias Operation = ListShardsOperation
    let service: KinesisService

    func handle(_ input: ListShardsInput, context: RequestContext) async throws -> ListShardsOutput {
        let now = service.nowMilliseconds
        let named = input.streamName != nil || input.streamARN != nil
        let key: StreamKey
        let filter: ShardListingFilter?
        var afterIndex: Int?
        if let text = input.nextToken {
            if named {
                throw KinesisError(.invalidArgument, "NextToken and StreamName cannot be provided together.")
            }
            if input.exclusiveStartShardId != nil || input.shardFilter != nil || input.streamCreationTimestamp != nil {
                throw KinesisError(
                    .invalidArgument,
                    "NextToken cannot be provided together with ExclusiveStartShardId, ShardFilter or "
                        + "StreamCreationTimestamp.")
            }
            let token = try service.pageTokens.open(text, nowMilliseconds: now)
            guard token.listing == .shards, token.account == context.scope.account,
                token.region == context.scope.region, let name = token.streamName
            else { throw KinesisError(.invalidArgument, "Invalid NextToken.") }
            key = StreamKey(scope: context.scope, name: name)
            filter = token.shardFilter
            afterIndex = token.afterShardIndex
            let stream = try await service.stream(key)
            guard stream.createdMilliseconds == token.streamCreatedMilliseconds else {
                throw KinesisError.streamNotFound(key)
            }
        } else {
            guard named else {
                throw KinesisError(.invalidArgument, "Either NextToken or StreamName should be provided.")
            }
            key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
            filter = try input.shardFilter.map(listingFilter)
            if let start = input.exclusiveStartShardId {
                afterIndex = ShardID(parsing: start)?.index ?? -1
            }
        }

        let stream = try await service.stream(key)
        if let created = input.streamCreationTimestamp, created.epochMilliseconds / 1000 != stream.createdMilliseconds / 1000 {
            throw KinesisError.streamNotFound(key)
        }
        var shards = stream.shards.filter { shard in
            guard let filter else { return true }
            return Self.matches(shard, filter: filter, stream: stream, nowMilliseconds: now)
        }
        if let afterIndex {
            shards = shards.filter { $0.index > afterIndex }
        }
        let limit = input.maxResults ?? Limits.listShardsMaxResultsDefault
        let page = Array(shards.prefix(limit))
        let nextToken = shards.count > page.count
            ? service.pageTokens.seal(
                PageToken(
                    listing: .shards, account: key.scope.account, region: key.scope.region, streamName: key.name,
                    streamCreatedMilliseconds: stream.createdMilliseconds, shardFilter: filter,
                    afterShardIndex: page.last?.index, issuedMilliseconds: now))
            : nil
        return ListShardsOutput(shards: page.map(\.wireShard), nextToken: nextToken)
    }

    private func listingFilter(_ filter: ShardFilter) throws -> ShardListingFilter {
        var listing = ShardListingFilter(type: filter.type.rawValue)
        switch filter.type {
        case .afterShardId:
            guard let shardId = filter.shardId else {
                throw KinesisError(.invalidArgument, "ShardId must be specified for the AFTER_SHARD_ID ShardFilter type.")
            }
            listing.shardIndex = ShardID(parsing: shardId)?.index ?? -1
        case .atTimestamp, .fromTimestamp:
            guard let timestamp = filter.timestamp else {
                throw KinesisError(
                    .invalidArgument, "Timestamp must be specified for the \(filter.type.rawValue) ShardFilter type.")
            }
            listing.timestampMilliseconds = timestamp.epochMilliseconds
        case .atTrimHorizon, .fromTrimHorizon, .atLatest:
            break
        }
        return listing
    }

    /// ShardFilter semantics: which shards a consumer starting at the given point needs.
    static func matches(
        _ shard: ShardDescriptor, filter: ShardListingFilter, stream: StreamDescriptor, nowMilliseconds: Int64
    ) -> Bool {
        let trimHorizon = nowMilliseconds - Int64(stream.retentionHours) * 3_600_000
        switch ShardFilterType(rawValue: filter.type) {
        case .afterShardId:
            return shard.index > (filter.shardIndex ?? -1)
        case .atLatest:
            return shard.isOpen
        case .atTrimHorizon:
            return isOpen(shard, at: trimHorizon)
        case .fromTrimHorizon:
            return isOpen(shard, since: trimHorizon)
        case .atTimestamp:
            return isOpen(shard, at: filter.timestampMilliseconds ?? 0)
        case .fromTimestamp:
            return isOpen(shard, since: filter.timestampMilliseconds ?? 0)
        case nil:
            return true
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
