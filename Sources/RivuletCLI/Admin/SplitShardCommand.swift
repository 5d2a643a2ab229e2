import ArgumentParser
import RivuletWire

struct SplitShardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split-shard",
        abstract: "Split an open shard in two at a hash key.",
        discussion: """
            The shard closes and two children take its hash key range: one below --new-starting-hash-key, one from \
            it up. The stream is UPDATING until the children exist; --wait returns once it is ACTIVE again. Readers \
            finish the closed shard, then continue with its children.

            Example: rivulet split-shard --stream-name orders --shard-to-split shardId-000000000000 \
            --new-starting-hash-key 85070591730234615865843651857942052864 --wait
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("shard-to-split"), help: "The open shard to split, e.g. shardId-000000000000.")
    var shardToSplit: String

    @Option(
        name: .customLong("new-starting-hash-key"),
        help: "The first hash key (decimal) of the upper child; it must lie inside the shard's range.")
    var newStartingHashKey: String

    @Flag(help: "Wait until the stream is ACTIVE again before returning.")
    var wait = false

    func run() async throws {
        let input = SplitShardInput(
            streamName: stream.streamName, shardToSplit: shardToSplit, newStartingHashKey: newStartingHashKey,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.splitShard(input)) { _ in "" }
            if wait { try await StreamWaiter.waitUntilActive(session.client, streamName: stream.name) }
        }
    }
}
