import ArgumentParser
import RivuletWire

struct DescribeStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe-stream",
        abstract: "Describe a stream and a page of its shards.",
        discussion: """
            The text output lists the stream's settings, then its shards with their parents, sequence number \
            ranges and hash key ranges. When more shards remain, pass the last shard id shown as \
            --exclusive-start-shard-id, or use list-shards.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(help: "The most shards to describe.")
    var limit: Int?

    @Option(name: .customLong("exclusive-start-shard-id"), help: "Describe the shards after this one.")
    var exclusiveStartShardId: String?

    func run() async throws {
        let input = DescribeStreamInput(
            streamName: stream.streamName, limit: limit, exclusiveStartShardId: exclusiveStartShardId,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.describeStream(input)) { Self.text($0.streamDescription) }
        }
    }

    static func text(_ description: StreamDescription) -> String {
        let fields = TextTable.fields([
            ("StreamName", description.streamName),
            ("StreamARN", description.streamARN),
            ("StreamStatus", description.streamStatus.rawValue),
            ("StreamMode", description.streamModeDetails?.streamMode.rawValue),
            ("RetentionPeriodHours", "\(description.retentionPeriodHours)"),
            ("StreamCreationTimestamp", TimestampText.text(description.streamCreationTimestamp)),
            ("EncryptionType", description.encryptionType?.rawValue),
            ("KeyId", description.keyId),
        ]).render()
        let more = description.hasMoreShards ? "\n(more shards: pass --exclusive-start-shard-id)" : ""
        return fields + "\n\n" + ShardTable.text(description.shards) + more
    }
}
