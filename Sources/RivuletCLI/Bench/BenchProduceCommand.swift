import ArgumentParser
import Foundation
import RivuletBench
import RivuletClient
import RivuletProducer
import RivuletWire

/// `rivulet bench produce`: drives the producer library as fast as it accepts records and reports what reached
/// the stream.
struct BenchProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Measure the producer library: user records/s through aggregation and collection to an endpoint.",
        discussion: """
            One caller puts N-byte records with random partition keys, without waiting for each result, for \
            --duration-seconds or --records; a second caller puts one awaited record every 10 ms to sample \
            latency. The run ends with a flush, which the elapsed time includes. The per-shard rate limiter is off \
            by default (a local server has no shard limits); turn it on with --rate-limit-percent against AWS. The \
            load generator shares the machine's cores with a local server: say so when you report numbers, \
            with the server's --fsync policy.
            """)

    @Option(name: .customLong("endpoint-url"), help: "The endpoint to write to.")
    var endpointURL = "http://127.0.0.1:4567"

    @Option(help: "Region to sign for (default: from the environment or profile, else us-east-1).")
    var region: String?

    @Option(name: .customLong("stream-name"), help: "Stream to write; created if missing.")
    var streamName = "rivulet-bench-produce"

    @Option(name: .customLong("shard-count"), help: "Shards of the stream when the bench creates it.")
    var shardCount = 4

    @Option(name: .customLong("record-bytes"), help: "Bytes of data in each record.")
    var recordBytes = 100

    @Option(name: .customLong("duration-seconds"), help: "How long to put records (unless --records is reached first).")
    var durationSeconds = 10.0

    @Option(help: "Stop after this many records.")
    var records: Int?

    @Flag(inversion: .prefixedNo, help: "Aggregate records KPL-style.")
    var aggregate = true

    @Option(name: .customLong("rate-limit-percent"), help: "Per-shard pacing as a percentage of a shard's limits; 0 is off.")
    var rateLimitPercent = 0

    @Option(name: .customLong("requests-in-flight"), help: "PutRecords calls in flight at once.")
    var requestsInFlight = 16

    @Flag(name: .customLong("keep-stream"), help: "Leave the stream in place afterwards.")
    var keepStream = false

    @Flag(help: "Print the result as a JSON line instead of text.")
    var json = false

    func validate() throws {
        guard recordBytes > 0, recordBytes <= 1024 * 1024 - 13 else {
            throw ValidationError("--record-bytes must be in 1...\(1024 * 1024 - 13)")
        }
        guard durationSeconds > 0 else { throw ValidationError("--duration-seconds must be positive") }
        if let records, records <= 0 { throw ValidationError("--records must be positive") }
        guard rateLimitPercent >= 0 else { throw ValidationError("--rate-limit-percent must not be negative") }
        guard (1...256).contains(requestsInFlight) else { throw ValidationError("--requests-in-flight must be in 1...256") }
    }

    func run() async throws {
        let client = try KinesisClient(configuration: try BenchClientConfiguration.resolve(endpointURL, region: region))
        do {
            try await BenchStreams.prepare(client: client, name: streamName, shardCount: shardCount)
            var configuration = ProducerConfiguration()
            configuration.aggregationEnabled = aggregate
            configuration.rateLimitPercent = rateLimitPercent == 0 ? nil : rateLimitPercent
            configuration.requestsInFlightMax = requestsInFlight
            let shape = "\(recordBytes) B records, random partition keys, aggregation \(aggregate ? "on" : "off"), "
                + "rate limit \(rateLimitPercent == 0 ? "off" : "\(rateLimitPercent)%"), "
                + "\(requestsInFlight) requests in flight"
            let runner = ProducerBenchRunner(
                client: client, streamName: streamName, configuration: configuration, recordBytes: recordBytes,
                durationSeconds: durationSeconds, recordsMax: records)
            let result = try await runner.run(shape: shape)
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
