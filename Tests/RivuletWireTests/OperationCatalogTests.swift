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
        DescribeAccountSettingsOperation.self, UpdateAccountSettingsOperation.self,
        UpdateMaxRecordSizeOperation.self, UpdateStreamWarmThroughputOperation.self,
        EnableEnhancedMonitoringOperation.self, DisableEnhancedMonitoringOperation.self,
        PutResourcePolicyOperation.self, GetResourcePolicyOperation.self, DeleteResourcePolicyOperation.self,
        RegisterStreamConsumerOperation.self, DescribeStreamConsumerOperation.self,
        ListStreamConsumersOperation.self, DeregisterStreamConsumerOperation.self,
        StartStreamEncryptionOperation.self, StopStreamEncryptionOperation.self, SubscribeToShardOperation.self,
        ]
    }

    @Test func eachOperationNamesItsOwnAction() {
        let actions = Self.operations.map { $0.action }
        #expect(Set(actions).count == actions.count)
        for operation in Self.operations {
            #expect("\(operation)" == operation.action.rawValue + "Operation")
        }
    }

    /// The dispatcher's switch is exhaustive over actions; this keeps the shapes as complete as the action list.
    @Test func everyActionHasAnOperation() {
        #expect(Set(Self.operations.map { $0.action }) == Set(KinesisAction.allCases))
    }

    @Test func targetsParse() {
        #expect(KinesisAction(target: "Kinesis_20131202.PutRecords") == .putRecords)
        #expect(KinesisAction(target: "Kinesis_20131202.Nope") == nil)
        #expect(KinesisAction(target: "DynamoDB_20120810.PutRecords") == nil)
    }
}
