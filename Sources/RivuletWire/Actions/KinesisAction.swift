/// Every operation of the Kinesis API (botocore's model, 2013-12-02). The raw value is the part of
/// `X-Amz-Target: Kinesis_20131202.<Operation>` after the dot.
public enum KinesisAction: String, CaseIterable, Sendable {
    case addTagsToStream = "AddTagsToStream"
    case createStream = "CreateStream"
    case decreaseStreamRetentionPeriod = "DecreaseStreamRetentionPeriod"
    case deleteResourcePolicy = "DeleteResourcePolicy"
    case deleteStream = "DeleteStream"
    case deregisterStreamConsumer = "DeregisterStreamConsumer"
    case describeAccountSettings = "DescribeAccountSettings"
    case describeLimits = "DescribeLimits"
    case describeStream = "DescribeStream"
    case describeStreamConsumer = "DescribeStreamConsumer"
    case describeStreamSummary = "DescribeStreamSummary"
    case disableEnhancedMonitoring = "DisableEnhancedMonitoring"
    case enableEnhancedMonitoring = "EnableEnhancedMonitoring"
    case getRecords = "GetRecords"
    case getResourcePolicy = "GetResourcePolicy"
    case getShardIterator = "GetShardIterator"
    case increaseStreamRetentionPeriod = "IncreaseStreamRetentionPeriod"
    case listShards = "ListShards"
    case listStreamConsumers = "ListStreamConsumers"
    case listStreams = "ListStreams"
    case listTagsForResource = "ListTagsForResource"
    case listTagsForStream = "ListTagsForStream"
    case mergeShards = "MergeShards"
    case putRecord = "PutRecord"
    case putRecords = "PutRecords"
    case putResourcePolicy = "PutResourcePolicy"
    case registerStreamConsumer = "RegisterStreamConsumer"
    case removeTagsFromStream = "RemoveTagsFromStream"
    case splitShard = "SplitShard"
    case startStreamEncryption = "StartStreamEncryption"
    case stopStreamEncryption = "StopStreamEncryption"
    case subscribeToShard = "SubscribeToShard"
    case tagResource = "TagResource"
    case untagResource = "UntagResource"
    case updateAccountSettings = "UpdateAccountSettings"
    case updateMaxRecordSize = "UpdateMaxRecordSize"
    case updateShardCount = "UpdateShardCount"
    case updateStreamMode = "UpdateStreamMode"
    case updateStreamWarmThroughput = "UpdateStreamWarmThroughput"

    public static let targetPrefix = "Kinesis_20131202."
    /// The API's SigV4 signing name: the service element of every credential scope, and the first label of the
    /// public endpoints' host names.
    public static let signingName = "kinesis"

    /// Parses an `X-Amz-Target` header value; nil for anything that is not a known operation.
    public init?(target: String) {
        guard target.hasPrefix(Self.targetPrefix) else { return nil }
        self.init(rawValue: String(target.dropFirst(Self.targetPrefix.count)))
    }

    public var target: String { Self.targetPrefix + rawValue }
}
