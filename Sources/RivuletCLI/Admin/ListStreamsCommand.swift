import ArgumentParser
import RivuletWire

struct ListStreamsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-streams",
        abstract: "List the streams of the account in the region.",
        discussion: """
            The text output is a table of names, statuses, capacity modes and creation times. When more streams \
            remain than --limit allows, the last line gives the --next-token that lists the next page.
            """)

    @OptionGroup var options: AdminOptions

    @Option(help: "The most streams to list.")
    var limit: Int?

    @Option(name: .customLong("exclusive-start-stream-name"), help: "List the streams after this one.")
    var exclusiveStartStreamName: String?

    // Tokens are opaque base64url text and may begin with '-'; take the next argument whatever it looks like.
    @Option(
        name: .customLong("next-token"), parsing: .unconditional,
        help: "Continue a listing where the previous page ended.")
    var nextToken: String?

    func run() async throws {
        let input = ListStreamsInput(
            limit: limit, exclusiveStartStreamName: exclusiveStartStreamName, nextToken: nextToken)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.listStreams(input), text: Self.text)
        }
    }

    static func text(_ response: ListStreamsOutput) -> String {
        // Older services send only names; the summaries, when present, say more.
        let rows =
            response.streamSummaries?.map { summary in
                [
                    summary.streamName, summary.streamStatus.rawValue,
                    summary.streamModeDetails?.streamMode.rawValue ?? "-",
                    summary.streamCreationTimestamp.map(TimestampText.text) ?? "-",
                ]
            } ?? response.streamNames.map { [$0, "-", "-", "-"] }
        guard !rows.isEmpty else { return "(no streams)" }
        let table = TextTable(header: ["NAME", "STATUS", "MODE", "CREATED"], rows: rows).render()
        guard response.hasMoreStreams, let token = response.nextToken else { return table }
        return table + "\n(more streams: --next-token \(token))"
    }
}
