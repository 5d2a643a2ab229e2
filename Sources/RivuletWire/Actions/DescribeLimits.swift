import RivuletCore

/// Reports the account's shard and on-demand stream limits and usage.
public enum DescribeLimitsOperation: KinesisOperation {
    public typealias Input = DescribeLimitsInput
    public typealias Output = DescribeLimitsOutput
    public static let action = KinesisAction.describeLimits
}

public struct DescribeLimitsInput: WireInput, Equatable {

    public init() {}

    static let rules = ShapeRules(
        "DescribeLimitsInput",
        [
        ])

    public init(decoding value: WireValue) throws(KinesisError) {
        _ = try InputChecker.check(value, against: Self.rules)
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.endObject()
    }
}

public struct DescribeLimitsOutput: WireOutput, Equatable {
    public var shardLimit: Int
    public var openShardCount: Int
    public var onDemandStreamCount: Int
    public var onDemandStreamCountLimit: Int

    public init(shardLimit: Int, openShardCount: Int, onDemandStreamCount: Int, onDemandStreamCountLimit: Int) {
        self.shardLimit = shardLimit
        self.openShardCount = openShardCount
        self.onDemandStreamCount = onDemandStreamCount
        self.onDemandStreamCountLimit = onDemandStreamCountLimit
    }

    public init(decoding value: WireValue) throws(KinesisError) {
        let members = try WireMembers(decoding: value)
        shardLimit = try members.required("ShardLimit")
        openShardCount = try members.required("OpenShardCount")
        onDemandStreamCount = try members.required("OnDemandStreamCount")
        onDemandStreamCountLimit = try members.required("OnDemandStreamCountLimit")
    }

    public func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("ShardLimit", shardLimit)
        writer.member("OpenShardCount", openShardCount)
        writer.member("OnDemandStreamCount", onDemandStreamCount)
        writer.member("OnDemandStreamCountLimit", onDemandStreamCountLimit)
        writer.endObject()
    }
}
