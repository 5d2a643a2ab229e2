import ArgumentParser
import RivuletWire

struct RemoveTagsFromStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-tags-from-stream",
        abstract: "Remove tags from a stream.",
        discussion: "Keys the stream does not have are ignored.")

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("tag-keys"), parsing: .upToNextOption, help: "The keys of the tags to remove.")
    var tagKeys: [String]

    func run() async throws {
        let input = RemoveTagsFromStreamInput(
            streamName: stream.streamName, tagKeys: tagKeys, streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.removeTagsFromStream(input)) { _ in "" }
        }
    }
}
