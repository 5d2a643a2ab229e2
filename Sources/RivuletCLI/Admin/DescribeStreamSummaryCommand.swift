import ArgumentParser
import RivuletWire

struct DescribeStreamSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe-stream-summary",
        abstract: "Describe a stream without listing its shards.",
        discussion: """
            Shows the stream's status, capacity mode, retention, open shard count and creation time. Use it to \
            check that a stream is ACTIVE; use describe-stream or list-shards for its shards.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    func run() async throws {
        let input = DescribeStreamSummaryInput(streamName: stream.streamName, streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.describeStreamSummary(input)) {
                Self.text($0.streamDescriptionSummary)
            }
        }
    }

    static func text(_ summary: StreamDescriptionSummary) -> String {
        TextTable.fields([
            ("StreamName", summary.streamName),
            ("StreamARN", summary.streamARN),
            ("StreamStatus", summary.streamStatus.rawValue),
            ("StreamMode", summary.streamModeDetails?.streamMode.rawValue),
            ("OpenShardCount", "\(summary.openShardCount)"),
            ("RetentionPeriodHours", "\(summary.retentionPeriodHours)"),
            ("StreamCreationTimestamp", TimestampText.text(summary.streamCreationTimestamp)),
            ("ConsumerCount", summary.consumerCount.map { "\($0)" }),
            ("MaxRecordSizeInKiB", summary.maxRecordSizeInKiB.map { "\($0)" }),
            ("EncryptionType", summary.encryptionType?.rawValue),
            ("KeyId", summary.keyId),
        ]).render()
    }
}
