import ArgumentParser
import RivuletWire

struct AddTagsToStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-tags-to-stream",
        abstract: "Add tags to a stream, or change their values.",
        discussion: """
            A tag whose key the stream already has takes the new value. A stream holds at most 50 tags.

            Example: rivulet add-tags-to-stream --stream-name orders --tags team=payments tier=gold
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("tags"), parsing: .upToNextOption, help: "Tags as key=value pairs.")
    var tags: [KeyValueArgument]

    func run() async throws {
        let input = AddTagsToStreamInput(
            streamName: stream.streamName, tags: KeyValueArgument.dictionary(tags), streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.addTagsToStream(input)) { _ in "" }
        }
    }
}
