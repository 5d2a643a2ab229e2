import ArgumentParser
import RivuletWire

struct MergeShardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-shards",
        abstract: "Merge two open shards whose hash key ranges are adjacent.",
        discussion: """
            --shard-to-merge must be the shard with the lower hash keys. Both shards close and one child takes \
            their combined range. The stream is UPDATING until the child exists; --wait returns once it is ACTIVE \
            again.

            Example: rivulet merge-shards --stream-name orders --shard-to-merge shardId-000000000000 \
            --adjacent-shard-to-merge shardId-000000000001 --wait
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("shard-to-merge"), help: "The open shard with the lower hash key range.")
    var shardToMerge: String

    @Option(
        name: .customLong("adjacent-shard-to-merge"),
        help: "The open shard whose range starts right after the first one's.")
    var adjacentShardToMerge: String

    @Flag(help: "Wait until the stream is ACTIVE again before returning.")
    var wait = false

    func run() async throws {
        let input = MergeShardsInput(
            streamName: stream.streamName, shardToMerge: shardToMerge, adjacentShardToMerge: adjacentShardToMerge,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.mergeShards(input)) { _ in "" }
            if wait { try await StreamWaiter.waitUntilActive(session.client, streamName: stream.name) }
        }
    }
}
