import ArgumentParser
import RivuletWire

struct UpdateShardCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-shard-count",
        abstract: "Reshape a provisioned stream to a number of equal shards.",
        discussion: """
            The open shards are split and merged until there are --target-shard-count of them, each owning an \
            equal slice of the hash key space. One call may at most double or halve the open shard count. The \
            stream is UPDATING until the new shards exist; --wait returns once it is ACTIVE again.

            Example: rivulet update-shard-count --stream-name orders --target-shard-count 4 --wait
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("target-shard-count"), help: "How many open shards the stream should have.")
    var targetShardCount: Int

    @Flag(help: "Wait until the stream is ACTIVE again before returning.")
    var wait = false

    func run() async throws {
        let input = UpdateShardCountInput(
            streamName: stream.streamName, targetShardCount: targetShardCount, scalingType: .uniformScaling,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.updateShardCount(input)) { output in
                "\(output.streamName ?? stream.name): \(output.currentShardCount.map(String.init) ?? "?") -> "
                    + "\(output.targetShardCount.map(String.init) ?? "?") open shards"
            }
            if wait { try await StreamWaiter.waitUntilActive(session.client, streamName: stream.name) }
        }
    }
}
