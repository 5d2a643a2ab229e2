/// Buffering, polling and retry timing. Ranges are the Kinesis Agent's where it has them (a PutRecords call holds at
/// most 500 records and 5 MiB); where it has none, bounds wide enough for any real use and narrow enough that a
/// slipped digit is caught.
extension FlowConfigurationDecoder {
    static let putRecordsBytesMax = 5 * 1024 * 1024
    static let putRecordsRecordsMax = 500
    static let timingMillisecondsMax = 3_600_000

    static func readBuffering(_ reader: inout ConfigurationObjectReader, into flow: inout FlowConfiguration) {
        if let age = reader.integer("maxBufferAgeMillis", in: 1_000...900_000) {
            flow.maxBufferAgeMilliseconds = age
        }
        if let bytes = reader.integer("maxBufferSizeBytes", in: 1...putRecordsBytesMax) {
            flow.maxBufferSizeBytes = bytes
        }
        if let records = reader.integer("maxBufferSizeRecords", in: 1...putRecordsRecordsMax) {
            flow.maxBufferSizeRecords = records
        }
        if let poll = reader.integer("minTimeBetweenFilePollsMillis", in: 1...timingMillisecondsMax) {
            flow.minTimeBetweenFilePollsMilliseconds = poll
        }
        if let refresh = reader.integer("maxTimeBetweenFileTrackerRefreshMillis", in: 1...timingMillisecondsMax) {
            flow.maxTimeBetweenFileTrackerRefreshMilliseconds = refresh
        }
        if let capacity = reader.integer("publishQueueCapacity", in: 1...10_000) {
            flow.publishQueueCapacity = capacity
        }
        // The Kinesis Agent's publish queue waits; rivulet's queue applies back-pressure instead, so these are
        // checked against the original's ranges and have no effect.
        _ = reader.integer("waitOnFullPublishQueueMillis", in: 1_000...900_000)
        _ = reader.integer("waitOnEmptyPublishQueueMillis", in: 1_000...900_000)
        _ = reader.integer("waitOnFullRetryQueueMillis", in: 1...900_000)
        readRetryBackoff(&reader, into: &flow)
    }

    private static func readRetryBackoff(
        _ reader: inout ConfigurationObjectReader, into flow: inout FlowConfiguration
    ) {
        if let initial = reader.integer("retryInitialBackoffMillis", in: 1...timingMillisecondsMax) {
            flow.retryInitialBackoffMilliseconds = initial
        }
        if let maximum = reader.integer("retryMaxBackoffMillis", in: 1...timingMillisecondsMax) {
            flow.retryMaxBackoffMilliseconds = maximum
        }
        if flow.retryMaxBackoffMilliseconds < flow.retryInitialBackoffMilliseconds {
            let key = reader.contains("retryMaxBackoffMillis") ? "retryMaxBackoffMillis" : "retryInitialBackoffMillis"
            reader.report(
                key,
                "retryMaxBackoffMillis (\(flow.retryMaxBackoffMilliseconds)) must be at least "
                    + "retryInitialBackoffMillis (\(flow.retryInitialBackoffMilliseconds))")
        }
    }
}
