import RivuletCore
import RivuletStorage
import RivuletWire

struct CreateStreamHandler: OperationHandler {
    typealias Operation = CreateStreamOperation
    let service: KinesisService

    func handle(_ input: CreateStreamInput, context: RequestContext) async throws -> CreateStreamOutput {
        let key = StreamKey(scope: context.scope, name: input.streamName)
        let mode = input.streamModeDetails?.streamMode ?? .provisioned
        let shardCount: Int
        switch mode {
        case .provisioned:
            guard let requested = input.shardCount else {
                throw KinesisError(.invalidArgument, "ShardCount must be specified for PROVISIONED streams.")
            }
            shardCount = requested
        case .onDemand:
            shardCount = input.shardCount ?? Limits.onDemandShardCount
        }
        let existing = try await service.streams(in: context.scope)
        if existing.contains(where: { $0.key == key }) {
            throw KinesisError(
                .resourceInUse, "Stream \(key.name) under account \(key.scope.account) already exists.")
        }
        try checkShardLimit(adding: shardCount, existing: existing, context: context)
        if mode == .onDemand, existing.filter({ $0.mode == .onDemand }).count >= service.configuration.onDemandStreamLimit {
            throw KinesisError(
                .limitExceeded,
                "This request would exceed the on-demand stream limit of \(service.configuration.onDemandStreamLimit) "
                    + "for account \(key.scope.account) in \(key.scope.region).")
        }
        let tags = try TagRules.merge(input.tags ?? [:], into: [], stream: key)
        let now = service.nowMilliseconds
        let shards = HashKeyRange.evenSplit(count: shardCount).enumerated().map { index, range in
            ShardDescriptor(index: index, hashKeyRange: range, createdMilliseconds: now)
        }
        var descriptor = StreamDescriptor(
            key: key, createdMilliseconds: now, status: service.lifecycle.begin(.creating), mode: mode,
            shards: shards, tags: tags)
        if let maxRecordSize = input.maxRecordSizeInKiB {
            descriptor.maxRecordSizeKibibytes = maxRecordSize
        }
        if mode == .onDemand {
            descriptor.warmThroughputMiBps = input.warmThroughputMiBps
        }
        do {
            try await service.store.createStream(descriptor)
        } catch StorageError.streamExists {
            throw KinesisError(.resourceInUse, "Stream \(key.name) under account \(key.scope.account) already exists.")
        }
        service.logger.info(
            "stream created", metadata: ["stream.name": "\(key.name)", "stream.shards": "\(shardCount)"])
        return CreateStreamOutput()
    }

    private func checkShardLimit(adding count: Int, existing: [StreamDescriptor], context: RequestContext) throws {
        let open = existing.reduce(0) { $0 + $1.openShards.count }
        let limit = service.configuration.shardLimit
        // Compared by subtraction: `open` never exceeds the limit, so this cannot overflow whatever `count` is.
        guard count <= limit - open else {
            throw KinesisError(
                .limitExceeded,
                "This request would exceed the shard limit for the account \(context.scope.account) in "
                    + "\(context.scope.region). Current shard count for the account: \(open). Limit: \(limit). "
                    + "Number of additional shards that would have resulted from this request: \(count). Refer to the "
                    + "AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                    + "for current limits and how to request higher limits.")
        }
    }
}
