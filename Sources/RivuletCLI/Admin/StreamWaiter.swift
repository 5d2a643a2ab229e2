import RivuletClient
import RivuletCore
import RivuletWire

/// Polls a stream's status until it is ACTIVE, for commands run with `--wait`, so that a script's next command
/// finds the stream ready.
enum StreamWaiter {
    static func waitUntilActive(_ client: KinesisClient, streamName: String) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(AdminLimits.waitMillisecondsMax))
        while true {
            let summary = try await client.describeStreamSummary(DescribeStreamSummaryInput(streamName: streamName))
            let status = summary.streamDescriptionSummary.streamStatus
            if status == .active { return }
            guard clock.now < deadline else {
                throw StreamWaitTimeout(
                    streamName: streamName, status: status, waitedMilliseconds: AdminLimits.waitMillisecondsMax)
            }
            try await Task.sleep(for: .milliseconds(AdminLimits.waitPollMilliseconds))
        }
    }
}
