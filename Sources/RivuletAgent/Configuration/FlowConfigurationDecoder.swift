import RivuletCore

/// Reads one element of `flows` into a `FlowConfiguration`, recording a problem for each mistake. The flow is
/// returned only when it has what it cannot do without (a valid file pattern and stream); every other mistake is
/// recorded all the same, and the loader refuses the whole configuration if there is any.
enum FlowConfigurationDecoder {
    /// Every flow key of the Kinesis Agent (documented or read by its code) plus ours.
    static let allowedKeys = [
        "filePattern", "kinesisStream", "deliveryStream", "partitionKeyOption", "partitionKeyField", "initialPosition",
        "maxBufferAgeMillis", "maxBufferSizeBytes", "maxBufferSizeRecords",
        "minTimeBetweenFilePollsMillis", "maxTimeBetweenFileTrackerRefreshMillis", "publishQueueCapacity",
        "retryInitialBackoffMillis", "retryMaxBackoffMillis",
        "waitOnFullPublishQueueMillis", "waitOnEmptyPublishQueueMillis", "waitOnFullRetryQueueMillis",
        "skipHeaderLines", "multiLineStartPattern", "truncatedRecordTerminator", "fileFooterPattern",
        "dataProcessingOptions", "log.emitInternalMetrics", "aggregatedRecordSizeBytes",
        "aggregation", "readCompressedFiles", "partialLineTimeoutMillis",
    ]

    static let deliveryStreamUnsupported =
        "deliveryStream (Kinesis Data Firehose) is not supported; rivulet agent sends to Kinesis Data Streams: "
        + "use kinesisStream"

    static func decode(
        _ value: JSONValue, keyPath: String, problems: inout [ConfigurationProblem]
    ) -> FlowConfiguration? {
        guard case .object(let members) = value else {
            problems.append(
                ConfigurationProblem(
                    keyPath: keyPath, value: ConfigurationObjectReader.shown(value),
                    expected: "must be an object with filePattern and kinesisStream"))
            return nil
        }
        var reader = ConfigurationObjectReader(members: members, keyPath: keyPath)
        let filePattern = readFilePattern(&reader)
        let streamName = readStreamName(&reader)
        var flow = FlowConfiguration(filePattern: filePattern ?? "/", streamName: streamName ?? "")
        readPartitionKey(&reader, into: &flow)
        let positions = [InitialFilePosition.endOfFile.rawValue, InitialFilePosition.startOfFile.rawValue]
        if let written = reader.choice("initialPosition", among: positions),
            let position = InitialFilePosition(rawValue: written)
        {
            flow.initialPosition = position
        }
        readBuffering(&reader, into: &flow)
        readFraming(&reader, into: &flow)
        if let aggregation = reader.boolean("aggregation") { flow.aggregation = aggregation }
        if reader.boolean("readCompressedFiles") == true {
            // Reading them needs decompression, which the agent does not have: sending compressed bytes as lines
            // would be garbage in the stream.
            reader.report(
                "readCompressedFiles",
                "is not supported: files ending in .gz, .bz2, .zip, .xz or .zst are always skipped; decompress them "
                    + "into a file the pattern matches to send them")
        }
        _ = reader.boolean("log.emitInternalMetrics")
        flow.dataProcessing = DataProcessingChain.parse(
            reader.value("dataProcessingOptions"), keyPath: reader.path("dataProcessingOptions"), problems: &problems)
        reader.reportUnknownKeys(allowed: allowedKeys)
        problems += reader.problems
        guard filePattern != nil, streamName != nil else { return nil }
        return flow
    }

    private static func readFilePattern(_ reader: inout ConfigurationObjectReader) -> String? {
        guard reader.contains("filePattern") else {
            reader.reportWithoutValue("filePattern", "is required: an absolute path, with globs, of the files to send")
            return nil
        }
        let expected = "must be an absolute path, e.g. /var/log/app/*.log"
        guard let pattern = reader.nonEmptyString("filePattern", expected: expected) else { return nil }
        guard pattern.utf8.count <= ConfigurationLimits.filePatternBytesMax else {
            reader.report("filePattern", "must be at most \(ConfigurationLimits.filePatternBytesMax) bytes")
            return nil
        }
        do throws(FilePatternError) {
            _ = try FilePattern(pattern)
        } catch {
            reader.report("filePattern", error.description)
            return nil
        }
        return pattern
    }

    private static func readStreamName(_ reader: inout ConfigurationObjectReader) -> String? {
        if reader.contains("deliveryStream") {
            reader.report("deliveryStream", deliveryStreamUnsupported)
            if reader.contains("aggregatedRecordSizeBytes") {
                reader.report(
                    "aggregatedRecordSizeBytes", "applies to deliveryStream flows only, which are not supported")
            }
            return nil
        }
        if reader.contains("aggregatedRecordSizeBytes") {
            reader.report(
                "aggregatedRecordSizeBytes",
                "applies to Firehose (deliveryStream) flows only; for Kinesis Data Streams use aggregation: true")
        }
        guard reader.contains("kinesisStream") else {
            reader.reportWithoutValue("kinesisStream", "is required: the name of the stream the files are sent to")
            return nil
        }
        let expected = "must be a stream name (1 to 128 of a-z, A-Z, 0-9, _ . -) or a stream ARN"
        guard let name = reader.nonEmptyString("kinesisStream", expected: expected) else { return nil }
        guard EndpointValidation.isStreamName(name) else {
            reader.report("kinesisStream", expected)
            return nil
        }
        return name
    }

    private static func readPartitionKey(
        _ reader: inout ConfigurationObjectReader, into flow: inout FlowConfiguration
    ) {
        let option = reader.choice("partitionKeyOption", among: ["RANDOM", "DETERMINISTIC"])
        if option == "DETERMINISTIC" { flow.partitionKey = .deterministic }
        let expected = "must be the name of a top-level field of the (processed) JSON record"
        guard let field = reader.nonEmptyString("partitionKeyField", expected: expected) else { return }
        if option == "DETERMINISTIC" {
            reader.report(
                "partitionKeyField",
                "cannot be given with partitionKeyOption DETERMINISTIC; records without the field fall back to RANDOM")
            return
        }
        flow.partitionKey = .field(field)
    }
}
