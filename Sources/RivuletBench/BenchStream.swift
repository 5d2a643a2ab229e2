import RivuletClient
import RivuletCore
import RivuletWire

/// The stream a bench run writes to: created if missing, and waited on until ACTIVE.
struct BenchStream {
    static let activeDeadlineSeconds = 120.0

    let client: KinesisClient
    let name: String

    func prepare(shardCount: Int) async throws {
        do {
            _ = try await client.createStream(CreateStreamInput(streamName: name, shardCount: shardCount))
        } catch KinesisClientError.service(let error, _, _) where error.code == .resourceInUse {
            // Already there: reuse it.
        }
        let deadline = ContinuousClock.now + .seconds(Self.activeDeadlineSeconds)
        while true {
            let summary = try await client.describeStreamSummary(DescribeStreamSummaryInput(streamName: name))
            if summary.streamDescriptionSummary.streamStatus == .active { return }
            guard ContinuousClock.now < deadline else {
                throw KinesisError(.resourceInUse, "stream \(name) did not become ACTIVE within 120 s")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}
