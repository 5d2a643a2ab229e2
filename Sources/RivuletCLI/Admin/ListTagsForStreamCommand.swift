import ArgumentParser
import RivuletWire

struct ListTagsForStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-tags-for-stream",
        abstract: "List a stream's tags.",
        discussion: """
            The text output is a table of keys and values in key order. When more tags remain than --limit \
            allows, pass the last key shown as --exclusive-start-tag-key.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(help: "The most tags to list.")
    var limit: Int?

    @Option(name: .customLong("exclusive-start-tag-key"), help: "List the tags after this key.")
    var exclusiveStartTagKey: String?

    func run() async throws {
        let input = ListTagsForStreamInput(
            streamName: stream.streamName, exclusiveStartTagKey: exclusiveStartTagKey, limit: limit,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.listTagsForStream(input), text: Self.text)
        }
    }

    static func text(_ response: ListTagsForStreamOutput) -> String {
        guard !response.tags.isEmpty else { return "(no tags)" }
        let table = TextTable(header: ["KEY", "VALUE"], rows: response.tags.map { [$0.key, $0.value ?? ""] }).render()
        return response.hasMoreTags ? table + "\n(more tags: pass --exclusive-start-tag-key)" : table
    }
}
