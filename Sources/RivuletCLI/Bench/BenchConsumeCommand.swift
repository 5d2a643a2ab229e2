import ArgumentParser
import Foundation
import RivuletBench
import RivuletClient
import RivuletWire

/// `rivulet bench consume`: fills a stream, then times the consumer library reading it back.
struct BenchConsumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Measure the consumer library: user records/s read back, KPL aggregates opened.",
        discussion: """
            Writes --records user records of --record-bytes bytes (as KPL aggregates of up to 51,200 bytes, or \
            one Kinesis record each with --no-aggregate), then one worker with an in-memory lease table reads every \
            shard from TRIM_HORIZON, checkpointing every batch, until all records are processed. Only the read \
            is timed. The load generator shares the machine's cores with a local server: say so when you report \
            numbers, with the server's --fsync policy.
            """)

    @Option(name: .customLong("endpoint-url"), help: "The endpoint to read from.")
    var endpointURL = "http://127.0.0.1:4567"

    @Option(help: "Region to sign for (default: from the environment or profile, else us-east-1).")
    var region: String?

    @Option(
        name: .customLong("stream-name"),
        help: "A new stream to fill and read (default: a fresh name each run); deleted afterwards.")
    var streamName = "rivulet-bench-consume-\(UInt32.random(in: 0...UInt32.max))"

    @Option(name: .customLong("shard-count"), help: "Shards of the stream when the bench creates it.")
    var shardCount = 4

    @Option(help: "User records to write and read back.")
    var records = 1_000_000

    @Option(name: .customLong("record-bytes"), help: "Bytes of data in each user record.")
    var recordBytes = 100

    @Flag(inversion: .prefixedNo, help: "Write the records as KPL aggregates.")
    var aggregate = true

    @Option(help: "Concurrent PutRecords callers while filling.")
    var connections = 8

    @Flag(name: .customLong("keep-stream"), help: "Leave the stream in place afterwards.")
    var keepStream = false

    @Flag(help: "Print the result as a JSON line instead of text.")
    var json = false

    func validate() throws {
        guard records > 0 else { throw ValidationError("--records must be positive") }
        guard (1...1_000_000).contains(recordBytes) else { throw ValidationError("--record-bytes must be in 1...1000000") }
        guard (1...256).contains(connections) else { throw ValidationError("--connections must be in 1...256") }
    }

    func run() async throws {
        let client = try KinesisClient(configuration: try BenchClientConfiguration.resolve(endpointURL, region: region))
        let interactive = isatty(STDERR_FILENO) == 1
        let bench = ConsumerBench(
            client: client, stream: streamName, userRecords: records, recordBytes: recordBytes,
            aggregate: aggregate, connections: connections,
            progress: { line in
                if interactive { FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8)) }
            })
        do {
            try await BenchStreams.prepare(client: client, name: streamName, shardCount: shardCount)
            let filled = try await bench.fill()
            let elapsed = try await bench.consume()
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            let result = ConsumerBenchResult(
                shape: "\(recordBytes) B records, aggregation \(aggregate ? "on" : "off"), one worker, "
                    + "checkpoint every batch",
                records: records, bytes: records * recordBytes, kinesisRecords: filled.kinesisRecords,
                elapsedSeconds: elapsed)
            print("endpoint \(endpointURL), stream \(streamName) (\(shardCount) shards)")
            print(json ? result.jsonLine : result.summaryLine)
            if !keepStream {
                _ = try await client.deleteStream(DeleteStreamInput(streamName: streamName))
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
