import ArgumentParser
import Foundation
import RivuletBench
import RivuletClient
import RivuletWire

struct BenchAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Measure a Kinesis endpoint: PutRecords throughput, PutRecord latency, GetRecords read-back.",
        discussion: """
            Works against any Kinesis endpoint: a Rivulet server (the default, http://127.0.0.1:4567) or Amazon \
            Kinesis (--endpoint-url https://kinesis.REGION.amazonaws.com with real credentials; mind the cost). \
            The load generator runs on the same machine as a local server and shares its cores; say so when you \
            report numbers, together with the server's --fsync policy.
            """)

    @Option(name: .customLong("endpoint-url"), help: "The endpoint to measure.")
    var endpointURL = "http://127.0.0.1:4567"

    @Option(help: "Region to sign for (default: from the environment or profile, else us-east-1).")
    var region: String?

    @Option(name: .customLong("stream-name"), help: "Stream to write; created if missing.")
    var streamName = "rivulet-bench"

    @Option(name: .customLong("shard-count"), help: "Shards of the stream when the bench creates it.")
    var shardCount = 4

    @Option(help: "Workloads to run, comma-separated: put-records, put-record, get-records.")
    var workloads = "put-records,put-record,get-records"

    @Option(help: "Concurrent PutRecords callers (connections).")
    var connections = 8

    @Option(name: .customLong("records-per-request"), help: "Records in each PutRecords request (1...500).")
    var recordsPerRequest = 500

    @Option(name: .customLong("record-bytes"), help: "Bytes of data in each record.")
    var recordBytes = 100

    @Option(name: .customLong("duration-seconds"), help: "How long each timed workload runs.")
    var durationSeconds = 10.0

    @Option(help: "Body format of the requests: json (what boto3 sends) or cbor (what the AWS SDK for Java sends).")
    var wire: WireFormat = .json

    @Flag(name: .customLong("keep-stream"), help: "Leave the stream in place afterwards.")
    var keepStream = false

    @Flag(help: "Print each result as a JSON line instead of text.")
    var json = false

    func validate() throws {
        guard (1...500).contains(recordsPerRequest) else {
            throw ValidationError("--records-per-request must be in 1...500")
        }
        guard recordBytes > 0, recordBytes <= 1024 * 1024 else { throw ValidationError("--record-bytes must be in 1...1048576") }
        guard connections > 0, connections <= 256 else { throw ValidationError("--connections must be in 1...256") }
        guard durationSeconds > 0 else { throw ValidationError("--duration-seconds must be positive") }
        _ = try parsedWorkloads()
    }

    func run() async throws {
        var configuration = BenchConfiguration()
        configuration.streamName = streamName
        configuration.shardCount = shardCount
        configuration.workloads = try parsedWorkloads()
        configuration.connections = connections
        configuration.recordsPerRequest = recordsPerRequest
        configuration.recordBytes = recordBytes
        configuration.durationSeconds = durationSeconds
        configuration.deleteStream = !keepStream

        var clientConfiguration = try BenchClientConfiguration.resolve(endpointURL, region: region)
        clientConfiguration.wireFormat = wire
        let client = try KinesisClient(configuration: clientConfiguration)
        let interactive = isatty(STDERR_FILENO) == 1
        let runner = BenchRunner(client: client, configuration: configuration) { line in
            let text = interactive ? "\r\u{1B}[2K" + line : line + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        do {
            let results = try await runner.run()
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            print("endpoint \(endpointURL), stream \(streamName) (\(shardCount) shards), \(wire.rawValue) bodies")
            for result in results {
                print(json ? result.jsonLine : result.summaryLine)
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func parsedWorkloads() throws -> [BenchConfiguration.Workload] {
        try workloads.split(separator: ",").map { name in
            guard let workload = BenchConfiguration.Workload(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(
                    "unknown workload '\(name)'; choose from "
                        + BenchConfiguration.Workload.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return workload
        }
    }
}
