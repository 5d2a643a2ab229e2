import ArgumentParser
import RivuletCore
import RivuletWire

struct UpdateStreamModeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-stream-mode",
        abstract: "Switch a stream between provisioned and on-demand capacity.",
        discussion: """
            The API names the stream by ARN only; given --stream-name instead, this command looks the ARN up \
            first. The stream is UPDATING for a moment and keeps its records.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(
        name: .customLong("stream-mode"),
        help: "The new capacity mode: \(EnumerationArgument.names(StreamMode.self)).",
        transform: EnumerationArgument.parse)
    var streamMode: StreamMode

    func run() async throws {
        try await AdminSession.run(options) { session in
            let streamARN: String
            if let given = stream.streamARN {
                streamARN = given
            } else {
                let summary = try await session.client.describeStreamSummary(
                    DescribeStreamSummaryInput(streamName: stream.streamName))
                streamARN = summary.streamDescriptionSummary.streamARN
            }
            let input = UpdateStreamModeInput(
                streamARN: streamARN, streamModeDetails: StreamModeDetails(streamMode: streamMode))
            session.print(try await session.client.updateStreamMode(input)) { _ in "" }
        }
    }
}
