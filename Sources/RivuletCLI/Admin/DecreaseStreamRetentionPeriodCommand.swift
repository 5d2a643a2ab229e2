import ArgumentParser
import RivuletWire

struct DecreaseStreamRetentionPeriodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrease-stream-retention-period",
        abstract: "Keep a stream's records for less time.",
        discussion: """
            Records older than the new period become unreadable and are deleted. Retention is at least 24 hours.
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("retention-period-hours"), help: "The new retention period, in hours.")
    var retentionPeriodHours: Int

    func run() async throws {
        let input = DecreaseStreamRetentionPeriodInput(
            streamName: stream.streamName, retentionPeriodHours: retentionPeriodHours, streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            session.print(try await session.client.decreaseStreamRetentionPeriod(input)) { _ in "" }
        }
    }
}
