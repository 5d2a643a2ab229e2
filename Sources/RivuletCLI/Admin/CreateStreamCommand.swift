import ArgumentParser
import RivuletCore
import RivuletWire

struct CreateStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-stream",
        abstract: "Create a stream.",
        discussion: """
            A provisioned stream has --shard-count shards, each owning an equal slice of the hash key space; an \
            on-demand stream (--stream-mode ON_DEMAND) starts with four and takes no shard count. The stream is \
            CREATING at first; --wait returns only once it is ACTIVE and ready for records.

            Example: rivulet create-stream --stream-name orders --shard-count 2 --tags team=payments --wait
            """)

    @OptionGroup var options: AdminOptions

    @Option(name: .customLong("stream-name"), help: "The new stream's name, unique in the account and region.")
    var streamName: String

    @Option(name: .customLong("shard-count"), help: "How many shards a provisioned stream starts with.")
    var shardCount: Int?

    @Option(
        name: .customLong("stream-mode"),
        help: "Capacity mode: \(EnumerationArgument.names(StreamMode.self)).",
        transform: EnumerationArgument.parse)
    var streamMode: StreamMode?

    @Option(name: .customLong("tags"), parsing: .upToNextOption, help: "Tags as key=value pairs.")
    var tags: [KeyValueArgument] = []

    @Flag(help: "Wait until the stream is ACTIVE before returning.")
    var wait = false

    func run() async throws {
        let input = CreateStreamInput(
            streamName: streamName, shardCount: shardCount,
            streamModeDetails: streamMode.map { StreamModeDetails(streamMode: $0) },
            tags: tags.isEmpty ? nil : KeyValueArgument.dictionary(tags))
        try await AdminSession.run(options) { session in
            session.print(try await session.client.createStream(input)) { _ in "" }
            if wait { try await StreamWaiter.waitUntilActive(session.client, streamName: streamName) }
        }
    }
}
