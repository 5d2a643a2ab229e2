import RivuletCore
import RivuletStorage
import RivuletWire

/// The checks SplitShard, MergeShards and UpdateShardCount share, with the messages AWS answers them with.
enum ReshardRules {
    /// The shard a SplitShard or MergeShards argument names. AWS reads the digits after the last '-' (any prefix is
    /// accepted, `shard-7` and `7` alike) as a 32-bit index, and refuses anything else before it looks at the stream.
    static func shardIndex(_ text: String, stream key: StreamKey) throws -> Int {
        let digits = text.split(separator: "-", omittingEmptySubsequences: false).last ?? Substring(text)
        let significant = digits.drop { $0 == "0" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), significant.count <= 10,
            let value = Int(significant.isEmpty ? "0" : String(significant)), value <= Int(Int32.max)
        else {
            throw KinesisError(
                .resourceNotFound,
                "Could not find shard \(text) in stream \(key.name) under account \(key.scope.account).")
        }
        return value
    }

    /// The open shard at `index`; a shard a reshard already closed cannot be split or merged again.
    static func openShard(_ index: Int, in stream: StreamDescriptor) throws -> ShardDescriptor {
        let key = stream.key
        guard let shard = stream.shard(index: index) else {
            throw KinesisError(
                .resourceNotFound,
                "Could not find shard \(ShardID(index: index)) in stream \(key.name) under account "
                    + "\(key.scope.account).")
        }
        guard shard.isOpen else {
            throw KinesisError(
                .invalidArgument,
                "Shard \(shard.id) in stream \(key.name) under account \(key.scope.account) has already been merged "
                    + "or split, and thus is not eligible for merging or splitting.")
        }
        return shard
    }

    /// On-demand streams scale themselves; the three resharding operations are for provisioned streams only.
    static func refuseOnDemand(_ action: KinesisAction, _ stream: StreamDescriptor) throws {
        guard stream.mode == .onDemand else { return }
        throw KinesisError(
            .validation,
            "\(action.rawValue) is not supported for stream \(stream.key.name) under account "
                + "\(stream.key.scope.account) because it is in ON_DEMAND capacity mode.")
    }

    static func checkActive(_ stream: StreamDescriptor) throws {
        guard stream.status == .active else { throw KinesisError.streamInUse(stream.key, status: stream.status) }
    }

    /// Open shards of every stream in the scope except `key`'s, for the account-wide shard limit.
    static func openShardsElsewhere(_ key: StreamKey, service: KinesisService) async throws -> Int {
        try await service.streams(in: key.scope).filter { $0.key != key }.reduce(0) { $0 + $1.openShards.count }
    }

    static func accountLimitExceeded(
        _ key: StreamKey, open: Int, additional: Int, limit: Int
    ) -> KinesisError {
        KinesisError(
            .limitExceeded,
            "This request would exceed the shard limit for the account \(key.scope.account) in \(key.scope.region). "
                + "Current shard count for the account: \(open). Limit: \(limit). Number of additional shards that "
                + "would have resulted from this request: \(additional). Refer to the AWS Service Limits page "
                + "(https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how "
                + "to request higher limits.")
    }
}
