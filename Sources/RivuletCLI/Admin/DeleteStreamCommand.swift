import ArgumentParser
import RivuletWire

struct DeleteStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-stream",
        abstract: "Delete a stream and every record in it.",
        discussion: """
            The stream is DELETING for a moment and then gone; its records cannot be recovered. A stream with \
            registered consumers is deleted only with --enforce-consumer-deletion.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Flag(
        name: .customLong("enforce-consumer-deletion"),
        help: "Delete the stream even if consumers are registered to it.")
    var enforceConsumerDeletion = false

    func run() async throws {
        let input = DeleteStreamInput(
            streamName: stream.streamName, enforceConsumerDeletion: enforceConsumerDeletion ? true : nil,
            streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.deleteStream(input)) { _ in "" }
        }
    }
}
