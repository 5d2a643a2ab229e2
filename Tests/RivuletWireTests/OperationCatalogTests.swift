import Testing

@testable import RivuletWire

@Suite struct OperationCatalogTests {
    /// Every operation this module implements, which the server dispatches on.
    static var operations: [any KinesisOperation.Type] {
        [
            CreateStreamOperation.self, DescribeStreamSummaryOperation.self, DescribeStreamOperation.self,
        ListStreamsOperation.self, ListShardsOperation.self, PutRecordOperation.self, PutRecordsOperation.self,
        GetShardIteratorOperation.self, GetRecordsOperation.self, DeleteStreamOperation.self,
        IncreaseStreamRetentionPeriodOperation.self, DecreaseStreamRetentionPeriodOperation.self,
        AddTagsToStreamOperation.self, ListTagsForStreamOperation.self, RemoveTagsFromStreamOperation.self,
        TagResourceOperation.self, UntagResourceOperation.self, ListTagsForResourceOperation.self,
        UpdateStreamModeOperation.self, DescribeLimitsOperation.self, SplitShardOperation.self,
        MergeShardsOperation.self, UpdateShardCountOperation.self,
        ]
    }

    @Test func eachOperationNamesItsOwnAction() {
        let actions = Self.operations.map { $0.action }
        #expect(Set(actions).count == actions.count)
        for operation in Self.operations {
            #expect("\(operation)" == operation.action.rawValue + "Operation")
        }
    }

    @Test func targetsParse() {
        #expect(KinesisAction(target: "Kinesis_20131202.PutRecords") == .putRecords)
        #expect(KinesisAction(target: "Kinesis_20131202.Nope") == nil)
        #expect(KinesisAction(target: "DynamoDB_20120810.PutRecords") == nil)
    }
}
