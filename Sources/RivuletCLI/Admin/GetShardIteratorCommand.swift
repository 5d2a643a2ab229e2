import ArgumentParser
import RivuletWire

struct GetShardIteratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-shard-iterator",
        abstract: "Get an iterator to read a shard from a chosen position.",
        discussion: """
            TRIM_HORIZON starts at the oldest record kept, LATEST just after the newest, AT_SEQUENCE_NUMBER and \
            AFTER_SEQUENCE_NUMBER at a record (--starting-sequence-number), AT_TIMESTAMP at the first record that \
            arrived at or after --timestamp (epoch seconds or ISO 8601). The text output is the iterator alone, \
            ready for `rivulet get-records --shard-iterator "$(...)"`. An iterator expires after five minutes.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("shard-id"), help: "The shard to read, e.g. shardId-000000000000.")
    var shardId: String

    @Option(
        name: .customLong("shard-iterator-type"),
        help: "Where to start: \(EnumerationArgument.names(ShardIteratorType.self)).",
        transform: EnumerationArgument.parse)
    var shardIteratorType: ShardIteratorType

    @Option(
        name: .customLong("starting-sequence-number"),
        help: "The record to start at or after, for the sequence number types.")
    var startingSequenceNumber: String?

    @Option(help: "The time to start at, for AT_TIMESTAMP: epoch seconds or ISO 8601.")
    var timestamp: TimestampArgument?

    func run() async throws {
        let input = GetShardIteratorInput(
            streamName: stream.streamName, shardId: shardId, shardIteratorType: shardIteratorType,
            startingSequenceNumber: startingSequenceNumber, timestamp: timestamp?.timestamp,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.getShardIterator(input)) { $0.shardIterator ?? "" }
        }
    }
}
