import ArgumentParser
import RivuletWire

struct IncreaseStreamRetentionPeriodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "increase-stream-retention-period",
        abstract: "Keep a stream's records longer.",
        discussion: """
            Records already written are kept for the new period too. Retention is 24 hours by default and at \
            most 8760 (365 days).
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("retention-period-hours"), help: "The new retention period, in hours.")
    var retentionPeriodHours: Int

    func run() async throws {
        let input = IncreaseStreamRetentionPeriodInput(
            streamName: stream.streamName, retentionPeriodHours: retentionPeriodHours, streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.increaseStreamRetentionPeriod(input)) { _ in "" }
        }
    }
}
