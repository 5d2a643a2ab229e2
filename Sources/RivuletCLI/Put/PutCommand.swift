import ArgumentParser
import Foundation
import RivuletClient
import RivuletProducer

/// `rivulet put STREAM --file F`: streams lines into a stream through the producer library, aggregated by default.
struct PutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put",
        abstract: "Put each line of a file (or standard input) into a stream as a record, through the producer.",
        discussion: """
            Records go through the producer library as an application's would: aggregated KPL-style (records \
            predicted to the same shard are packed together; any KCL and aws-kinesis-agg read them), collected into \
            PutRecords calls, paced per shard and retried until their time to live runs out. The input is read in \
            chunks, so a file of any size is put in bounded memory. A summary goes to standard error; the exit \
            status is non-zero if any record failed.
            """)

    @Argument(help: "The stream's name.")
    var stream: String

    @Option(help: "The file to read, or - for standard input.")
    var file: String

    @Flag(
        name: .customLong("json-lines"),
        help: "Each line is a JSON object with \"data\" (a string) and optional \"partitionKey\", \"explicitHashKey\".")
    var jsonLines = false

    @Option(name: .customLong("partition-key"), help: "One partition key for every record (default: random per record).")
    var partitionKey: String?

    @Flag(inversion: .prefixedNo, help: "Aggregate records KPL-style.")
    var aggregate = true

    @Option(name: .customLong("max-buffered-ms"), help: "How long a record may wait for others to join its request.")
    var maxBufferedMilliseconds: Int64 = 100

    @Option(name: .customLong("record-ttl-ms"), help: "How long a record is retried before it counts as failed.")
    var recordTimeToLiveMilliseconds: Int64 = 30_000

    @Option(
        name: .customLong("rate-limit-percent"),
        help: "Per-shard pacing as a percentage of a shard's limits (1000 records/s, 1 MiB/s); 0 turns it off.")
    var rateLimitPercent = 150

    @OptionGroup var options: AdminOptions

    func validate() throws {
        guard maxBufferedMilliseconds >= 0 else { throw ValidationError("--max-buffered-ms must not be negative") }
        guard recordTimeToLiveMilliseconds > 0 else { throw ValidationError("--record-ttl-ms must be positive") }
        guard rateLimitPercent >= 0 else { throw ValidationError("--rate-limit-percent must not be negative") }
        if let partitionKey, partitionKey.isEmpty || partitionKey.utf16.count > 256 {
            throw ValidationError("--partition-key must have 1 to 256 characters")
        }
    }

    func run() async throws {
        let handle: FileHandle
        if file == "-" {
            handle = FileHandle.standardInput
        } else if let opened = FileHandle(forReadingAtPath: file) {
            handle = opened
        } else {
            throw ValidationError("cannot open --file \(file)")
        }
        var configuration = ProducerConfiguration()
        configuration.aggregationEnabled = aggregate
        configuration.recordMaxBufferedTimeMilliseconds = maxBufferedMilliseconds
        configuration.recordTimeToLiveMilliseconds = recordTimeToLiveMilliseconds
        configuration.rateLimitPercent = rateLimitPercent == 0 ? nil : rateLimitPercent
        let lineBytesMax = jsonLines ? 4 * configuration.recordBytesMax : configuration.recordBytesMax
        let progress = PutProgress()
        let stream = self.stream
        try await AdminSession.run(options) { session in
            let producer = Producer(stream: stream, client: session.client, configuration: configuration)
            let inputFailures = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await producer.run() }
                group.addTask { await progress.run(producer) }
                var reader = LineReader(handle: handle, lineBytesMax: lineBytesMax)
                let failures = await feed(&reader, to: producer, progress: progress)
                await producer.shutdown()
                group.cancelAll()
                try await group.waitForAll()
                return failures
            }
            let statistics = producer.statistics()
            progress.write(progress.summary(statistics, inputFailures: inputFailures) + "\n")
            if let failure = statistics.lastFailure {
                progress.write("last failure: \(failure)\n")
            }
            if statistics.userRecordsFailed + inputFailures > 0 {
                throw ExitCode.failure
            }
        }
    }

    /// Puts every line; returns how many could not become records. At most a few such lines are reported, so a
    /// wrong input format does not flood the terminal.
    private func feed(_ reader: inout LineReader, to producer: Producer, progress: PutProgress) async -> Int {
        var keys = RandomPartitionKeys()
        var failures = 0
        var lineNumber = 0
        func reject(_ reason: String) {
            failures += 1
            if failures <= PutLimits.reportedInputFailuresMax {
                progress.write("line \(lineNumber): \(reason)\n")
            }
        }
        while true {
            let line: LineReader.Line?
            do {
                line = try await reader.next()
            } catch {
                reject("reading the input failed: \(error)")
                break
            }
            guard let line else { break }
            lineNumber += 1
            let record: PutInputRecord
            switch line {
            case .tooLong:
                reject("longer than a record can be; skipped")
                continue
            case .complete(let bytes) where jsonLines:
                do {
                    record = try PutInputRecord.parseJSON(bytes)
                } catch {
                    reject("\(error); skipped")
                    continue
                }
            case .complete(let bytes):
                record = PutInputRecord(data: bytes)
            }
            do {
                try await producer.putWithoutWaiting(
                    record.data, partitionKey: record.partitionKey ?? partitionKey ?? keys.next(),
                    explicitHashKey: record.explicitHashKey)
            } catch .shutDown, .cancelled {
                reject("the producer stopped")
                break
            } catch {
                reject("\(error); skipped")
            }
        }
        return failures
    }
}

/// Bounds of `rivulet put`'s own reporting.
enum PutLimits {
    static let reportedInputFailuresMax = 10
}
