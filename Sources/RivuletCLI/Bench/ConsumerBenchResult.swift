import Foundation

/// What `rivulet bench consume` reports, in the shape of the other benchmarks' lines.
struct ConsumerBenchResult {
    var shape: String
    var records: Int
    var bytes: Int
    var kinesisRecords: Int
    var elapsedSeconds: Double

    var recordsPerSecond: Double { elapsedSeconds > 0 ? Double(records) / elapsedSeconds : 0 }
    var megabytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytes) / elapsedSeconds / 1_000_000 : 0 }

    var summaryLine: String {
        "consume: \(shape): \(records) records in \(String(format: "%.2f", elapsedSeconds)) s = "
            + "\(String(format: "%.0f", recordsPerSecond)) records/s, \(String(format: "%.1f", megabytesPerSecond)) MB/s; "
            + "\(kinesisRecords) Kinesis records"
    }

    var jsonLine: String {
        "{\"workload\":\"consume\",\"shape\":\"\(shape)\",\"records\":\(records),\"bytes\":\(bytes),"
            + "\"kinesis_records\":\(kinesisRecords),\"elapsed_seconds\":\(String(format: "%.4f", elapsedSeconds)),"
            + "\"records_per_second\":\(String(format: "%.1f", recordsPerSecond)),"
            + "\"megabytes_per_second\":\(String(format: "%.4f", megabytesPerSecond))}"
    }
}
