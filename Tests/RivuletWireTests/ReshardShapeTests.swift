import RivuletCore
import Testing

@testable import RivuletWire

/// The resharding operations' shapes: the model's constraints and the members on the wire.
@Suite struct ReshardShapeTests {
    private func refusal<Input: WireInput>(_: Input.Type, _ json: String) -> KinesisError? {
        do {
            _ = try JSONWire.decode(Input.self, from: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func splitShardChecksTheModelsConstraints() {
        let refused = refusal(SplitShardInput.self, #"{"ShardToSplit":"","NewStartingHashKey":"01"}"#)
        #expect(
            refused?.message
                == "3 validation errors detected: "
                + "Value '01' at 'newStartingHashKey' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: 0|([1-9]\\d{0,38}); "
                + "Value '' at 'shardToSplit' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [a-zA-Z0-9_.-]+; "
                + "Value '' at 'shardToSplit' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1")
        #expect(
            refusal(MergeShardsInput.self, "{}")?.message
                == "2 validation errors detected: "
                + "Value null at 'adjacentShardToMerge' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'shardToMerge' failed to satisfy constraint: Member must not be null")
    }

    @Test func updateShardCountChecksTheModelsConstraints() {
        #expect(
            refusal(UpdateShardCountInput.self, #"{"StreamName":"s","ScalingType":"","TargetShardCount":0}"#)?.message
                == "2 validation errors detected: "
                + "Value '' at 'scalingType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[UNIFORM_SCALING]; "
                + "Value '0' at 'targetShardCount' failed to satisfy constraint: Member must have value greater than "
                + "or equal to 1")
        #expect(refusal(UpdateShardCountInput.self, #"{"TargetShardCount":"2","ScalingType":"UNIFORM_SCALING"}"#)?.code
            == .serializationException)
    }

    @Test func inputsAndOutputsRoundTrip() throws {
        let split = SplitShardInput(streamName: "s", shardToSplit: "shardId-000000000000", newStartingHashKey: "42")
        #expect(try JSONWire.decode(SplitShardInput.self, from: JSONWire.encode(split)) == split)
        let merge = MergeShardsInput(
            shardToMerge: "a", adjacentShardToMerge: "b", streamARN: "arn:aws:kinesis:us-east-1:000000000000:stream/s")
        #expect(try JSONWire.decode(MergeShardsInput.self, from: JSONWire.encode(merge)) == merge)
        let update = UpdateShardCountInput(streamName: "s", targetShardCount: 4)
        #expect(
            String(decoding: JSONWire.encode(update), as: UTF8.self)
                == #"{"StreamName":"s","TargetShardCount":4,"ScalingType":"UNIFORM_SCALING"}"#)
        let output = UpdateShardCountOutput(
            streamName: "s", currentShardCount: 2, targetShardCount: 4,
            streamARN: "arn:aws:kinesis:us-east-1:000000000000:stream/s")
        #expect(try JSONWire.decode(UpdateShardCountOutput.self, from: JSONWire.encode(output)) == output)
        #expect(String(decoding: JSONWire.encode(SplitShardOutput()), as: UTF8.self).isEmpty)
    }
}
