import ArgumentParser
import RivuletWire

struct ListShardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-shards",
        abstract: "List a stream's shards.",
        discussion: """
            The text output is a table of shard ids, parents, sequence number ranges and hash key ranges; an open \
            shard has no ending sequence number. When more shards remain, the last line gives the --next-token \
            that lists the next page (pass it without the stream, as the API requires).
            """)

    @OptionGroup var options: AdminOptions

    @Option(name: .customLong("stream-name"), help: "The stream's name.")
    var streamName: String?

    @Option(name: .customLong("stream-arn"), help: "The stream's ARN, instead of its name.")
    var streamARN: String?

    @Option(name: .customLong("max-results"), help: "The most shards to list.")
    var maxResults: Int?

    @Option(name: .customLong("exclusive-start-shard-id"), help: "List the shards after this one.")
    var exclusiveStartShardId: String?

    // Tokens are opaque base64url text and may begin with '-'; take the next argument whatever it looks like.
    @Option(
        name: .customLong("next-token"), parsing: .unconditional,
        help: "Continue a listing where the previous page ended.")
    var nextToken: String?

    func validate() throws {
        guard streamName != nil || streamARN != nil || nextToken != nil else {
            throw ValidationError("name the stream with --stream-name or --stream-arn, or continue with --next-token")
        }
    }

    func run() async throws {
        let input = ListShardsInput(
            streamName: streamName, nextToken: nextToken, exclusiveStartShardId: exclusiveStartShardId,
            maxResults: maxResults, streamARN: streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.listShards(input), text: Self.text)
        }
    }

    static func text(_ response: ListShardsOutput) -> String {
        let table = ShardTable.text(response.shards ?? [])
        guard let token = response.nextToken else { return table }
        return table + "\n(more shards: --next-token \(token))"
    }
}
