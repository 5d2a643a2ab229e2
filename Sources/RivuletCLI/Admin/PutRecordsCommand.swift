import ArgumentParser
import RivuletCore
import RivuletWire

struct PutRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put-records",
        abstract: "Write several records to a stream in one request.",
        discussion: """
            Each --record is partitionKey=data, the data as text (sent as its UTF-8 bytes); the first '=' \
            separates the two. Each record succeeds or fails on its own: the text output has one line per record \
            with its shard and sequence number, or the error it met, and the command exits non-zero when any \
            failed.

            Example: rivulet put-records --stream-name orders --record a=first --record b=second
            """)

    @OptionGroup var options: AdminOptions
    @OptionGroup var stream: StreamSelection

    @Option(name: .customLong("record"), help: "A record as partitionKey=data; repeat for each record.")
    var records: [KeyValueArgument] = []

    func validate() throws {
        guard (1...Limits.putRecordsRecordsMax).contains(records.count) else {
            throw ValidationError("give between 1 and \(Limits.putRecordsRecordsMax) --record options")
        }
    }

    func run() async throws {
        let input = PutRecordsInput(
            records: records.map { PutRecordsRequestEntry(data: Array($0.value.utf8), partitionKey: $0.key) },
            streamName: stream.streamName, streamARN: stream.streamARN)
        try await AdminSession.run(options) { session in
            let response = try await session.client.putRecords(input)
            session.print(response, text: Self.text)
            if let failed = response.failedRecordCount, failed > 0 {
                throw PutRecordsFailure(failedCount: failed, recordCount: records.count)
            }
        }
    }

    static func text(_ response: PutRecordsOutput) -> String {
        TextTable(
            header: ["#", "SHARD ID", "SEQUENCE NUMBER OR ERROR"],
            rows: response.records.enumerated().map { index, entry in
                let outcome =
                    entry.sequenceNumber
                    ?? "\(entry.errorCode ?? "error"): \(entry.errorMessage ?? "")"
                return ["\(index + 1)", entry.shardId ?? "-", outcome]
            }
        ).render()
    }
}
