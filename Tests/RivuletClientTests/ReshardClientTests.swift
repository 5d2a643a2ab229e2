import RivuletAWS
import RivuletCore
import RivuletWire
import Testing

@testable import RivuletClient

@Suite struct ReshardClientTests {
    @Test func reshardingOperationsSendTheirTargetsAndDecodeTheirOutputs() async throws {
        let transport = ScriptedTransport([
            .response(status: 200, body: ""),
            .response(status: 200, body: ""),
            .response(
                status: 200,
                body: #"{"StreamName":"orders","CurrentShardCount":2,"TargetShardCount":4,"StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/orders"}"#
            ),
        ])
        let client = KinesisClientTests.client(transport)
        _ = try await client.splitShard(
            SplitShardInput(streamName: "orders", shardToSplit: "shardId-000000000000", newStartingHashKey: "7"))
        _ = try await client.mergeShards(
            MergeShardsInput(streamName: "orders", shardToMerge: "shard-1", adjacentShardToMerge: "shard-2"))
        let output = try await client.updateShardCount(UpdateShardCountInput(streamName: "orders", targetShardCount: 4))
        #expect(output.currentShardCount == 2)
        #expect(output.targetShardCount == 4)
        #expect(output.streamARN == "arn:aws:kinesis:us-east-1:000000000000:stream/orders")
        let targets = transport.requests.map { request in
            SigV4Request(method: "POST", path: "/", query: "", headers: request.headers, body: request.body)
                .value(of: "x-amz-target")
        }
        #expect(
            targets == [
                "Kinesis_20131202.SplitShard", "Kinesis_20131202.MergeShards", "Kinesis_20131202.UpdateShardCount",
            ])
        #expect(
            String(decoding: transport.requests[2].body, as: UTF8.self)
                == #"{"StreamName":"orders","TargetShardCount":4,"ScalingType":"UNIFORM_SCALING"}"#)
    }
}
