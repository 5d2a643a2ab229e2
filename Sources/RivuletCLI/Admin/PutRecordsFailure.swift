/// Some records of a put-records request were refused; the others were written. The per-record errors have
/// already been printed, so this only makes the exit status say so.
struct PutRecordsFailure: Error, CustomStringConvertible {
    var failedCount: Int
    var recordCount: Int

    var description: String { "\(failedCount) of \(recordCount) records were not written" }
}
