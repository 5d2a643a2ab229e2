import Foundation
import RivuletProducer

/// `rivulet put`'s reporting on standard error: a progress line, redrawn each second while stderr is a terminal,
/// and a summary at the end.
struct PutProgress: Sendable {
    let interactive = isatty(STDERR_FILENO) == 1
    let started = ContinuousClock.now

    /// Redraws the progress line once a second until cancelled.
    func run(_ producer: Producer) async {
        guard interactive else { return }
        var previous = 0
        while true {
            do {
                try await Task.sleep(for: .seconds(1))
            } catch {
                break
            }
            let statistics = producer.statistics()
            let rate = statistics.userRecordsPut - previous
            previous = statistics.userRecordsPut
            write(
                "\r\u{1B}[2K\(statistics.userRecordsPut) records put, \(rate) records/s, "
                    + "\(producer.outstandingRecordCount) outstanding")
        }
        write("\r\u{1B}[2K")
    }

    func summary(_ statistics: ProducerStatistics, inputFailures: Int) -> String {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(statistics.userRecordsPut) / seconds).rounded()) : 0
        let failed = statistics.userRecordsFailed + inputFailures
        return "put \(statistics.userRecordsPut) records (\(statistics.userBytesPut) bytes) as "
            + "\(statistics.kinesisRecordsPut) Kinesis records in \(statistics.putRecordsRequests) requests; "
            + "\(statistics.retries) retries, \(failed) failed; "
            + "\(String(format: "%.2f", seconds)) s, \(rate) records/s"
    }

    func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
