import ArgumentParser
import RivuletClient
import RivuletWire

struct GetRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-records",
        abstract: "Read records from a shard.",
        discussion: """
            Give an iterator from get-shard-iterator with --shard-iterator, or let this command fetch one: \
            --stream-name (or --stream-arn) with --shard-id and --from trim-horizon|latest. One call reads up to \
            --limit records; to read on, pass the printed next shard iterator.

            The text output has one line per record: its sequence number, partition key and data as text (base64 \
            after 'base64:' when the data is not UTF-8; line breaks shown as \\n). --output json prints the API's \
            response, with each record's Data in base64.

            Example: rivulet get-records --stream-name orders --shard-id shardId-000000000000 --from trim-horizon
            """)

    @OptionGroup var options: AdminOptions

    // Iterators are opaque base64url text and may begin with '-'; take the next argument whatever it looks like.
    @Option(name: .customLong("shard-iterator"), parsing: .unconditional, help: "The iterator to read from.")
    var shardIterator: String?

    @Option(name: .customLong("stream-name"), help: "Without --shard-iterator: the stream to read.")
    var streamName: String?

    @Option(name: .customLong("stream-arn"), help: "The stream's ARN, instead of its name.")
    var streamARN: String?

    @Option(name: .customLong("shard-id"), help: "Without --shard-iterator: the shard to read.")
    var shardId: String?

    @Option(help: "Without --shard-iterator: where to start reading the shard.")
    var from: ReadStartPosition = .trimHorizon

    @Option(help: "The most records to return.")
    var limit: Int?

    func validate() throws {
        if shardIterator != nil {
            guard shardId == nil, streamName == nil else {
                throw ValidationError("--shard-iterator already names the shard; drop --stream-name and --shard-id")
            }
        } else {
            guard streamName != nil || streamARN != nil, shardId != nil else {
                throw ValidationError("give --shard-iterator, or --stream-name (or --stream-arn) with --shard-id")
            }
        }
    }

    func run() async throws {
        try await AdminSession.run(options) { session in
            let iterator = try await startingIterator(session.client)
            let input = GetRecordsInput(shardIterator: iterator, limit: limit, streamARN: streamARN)
            session.print(try await session.client.getRecords(input), text: Self.text)
        }
    }

    private func startingIterator(_ client: KinesisClient) async throws -> String {
        if let shardIterator { return shardIterator }
        guard let shardId else { preconditionFailure("validate() requires --shard-id without --shard-iterator") }
        let response = try await client.getShardIterator(
            GetShardIteratorInput(
                streamName: streamName, shardId: shardId, shardIteratorType: from.iteratorType, streamARN: streamARN))
        guard let iterator = response.shardIterator else { throw MissingShardIterator(shardId: shardId) }
        return iterator
    }

    static func text(_ response: GetRecordsOutput) -> String {
        var sections: [String] = []
        if response.records.isEmpty {
            sections.append("(no records)")
        } else {
            sections.append(
                TextTable(
                    header: ["SEQUENCE NUMBER", "PARTITION KEY", "DATA"],
                    rows: response.records.map {
                        [$0.sequenceNumber, $0.partitionKey, RecordDataText.text($0.data)]
                    }
                ).render())
        }
        sections.append(
            TextTable.fields([
                ("NextShardIterator", response.nextShardIterator ?? "- (the shard is closed and fully read)"),
                ("MillisBehindLatest", response.millisBehindLatest.map { "\($0)" }),
            ]).render())
        return sections.joined(separator: "\n\n")
    }
}
