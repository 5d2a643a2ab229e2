import Foundation
import RivuletCore

/// Reads agent.json's top-level keys (all but `flows`, which the loader gathers across files) into an
/// `AgentConfiguration`, recording a problem for each mistake.
enum AgentSettingsDecoder {
    /// Every top-level key of the Kinesis Agent (documented or read by its code) plus ours; `flows` included.
    static let allowedKeys = [
        "flows",
        "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken", "assumeRoleARN", "assumeRoleExternalId",
        "userDefinedCredentialsProvider.classname", "userDefinedCredentialsProvider.location",
        "kinesis.endpoint", "kinesis.region", "firehose.endpoint", "sts.endpoint",
        "cloudwatch.emitMetrics", "cloudwatch.endpoint", "cloudwatch.namespace", "cloudwatch.tagInstance",
        "cloudwatch.metricsBufferTimeMillis", "cloudwatch.metricsQueueSize",
        "checkpointFile", "checkpointTimeToLiveDays", "shutdownTimeoutMillis",
        "maxSendingThreads", "maxSendingThreadsPerCore", "sendingThreadsKeepAliveMillis", "sendingThreadsMaxQueueSize",
        "maxConnections", "connectionTimeoutMillis", "connectionTTLMillis", "socketTimeoutMillis",
        "useTcpKeepAlive", "useHttpGzip", "userAgent", "userAgentOverride",
        "log.level", "log.emitMetrics", "log.emitInternalMetrics", "log.statusReportingPeriodSeconds",
        "metrics.listen", "maxBufferedBytes",
    ]

    /// `log.level` values: ours in lower case, and the log4j names the Kinesis Agent's users know.
    static let logLevels = [
        "trace": "trace", "debug": "debug", "info": "info", "warning": "warning", "error": "error",
        "TRACE": "trace", "DEBUG": "debug", "INFO": "info", "WARN": "warning", "ERROR": "error",
    ]

    static let millisecondsMax = 86_400_000

    static func decode(
        _ members: [JSONMember], into configuration: inout AgentConfiguration, problems: inout [ConfigurationProblem]
    ) {
        var reader = ConfigurationObjectReader(members: members, keyPath: "")
        readCredentials(&reader, into: &configuration)
        readEndpoints(&reader, into: &configuration)
        readMetricsAndLogging(&reader, into: &configuration)
        readRunning(&reader, into: &configuration)
        readClientTuning(&reader)
        reader.reportUnknownKeys(allowed: allowedKeys)
        problems += reader.problems
    }

    private static func readEndpoints(
        _ reader: inout ConfigurationObjectReader, into configuration: inout AgentConfiguration
    ) {
        if let endpoint = reader.string("kinesis.endpoint") {
            if EndpointValidation.isEndpoint(endpoint) {
                configuration.kinesisEndpoint = endpoint
            } else {
                reader.report(
                    "kinesis.endpoint", "must be a URL (http:// or https://) or a host name, optionally with :port")
            }
        }
        if let region = reader.string("kinesis.region") {
            if EndpointValidation.isRegion(region) {
                configuration.kinesisRegion = region
            } else {
                reader.report("kinesis.region", "must be a region name such as us-east-1")
            }
        }
        // Accepted so Kinesis Agent files load; rivulet agent talks to neither Firehose nor STS nor CloudWatch.
        for unused in ["firehose.endpoint", "sts.endpoint", "cloudwatch.endpoint"] {
            _ = reader.string(unused)
        }
    }

    private static func readMetricsAndLogging(
        _ reader: inout ConfigurationObjectReader, into configuration: inout AgentConfiguration
    ) {
        if let emit = reader.boolean("cloudwatch.emitMetrics") { configuration.emitMetrics = emit }
        if let namespace = reader.nonEmptyString("cloudwatch.namespace", expected: "must be a non-empty string") {
            configuration.metricsNamespace = namespace
        }
        _ = reader.boolean("cloudwatch.tagInstance")
        if let buffer = reader.integer("cloudwatch.metricsBufferTimeMillis", in: 1...millisecondsMax) {
            configuration.metricsBufferTimeMilliseconds = buffer
        }
        _ = reader.integer("cloudwatch.metricsQueueSize", in: 1...1_000_000)
        if let level = reader.choice("log.level", among: logLevels.keys.sorted()) {
            configuration.logLevel = logLevels[level] ?? configuration.logLevel
        }
        if let emit = reader.boolean("log.emitMetrics") { configuration.logProgress = emit }
        _ = reader.boolean("log.emitInternalMetrics")
        if let period = reader.integer("log.statusReportingPeriodSeconds", in: 1...86_400) {
            configuration.statusReportingPeriodSeconds = period
        }
        if let listen = reader.string("metrics.listen") {
            if EndpointValidation.isListenAddress(listen) {
                configuration.metricsListen = listen
            } else {
                reader.report(
                    "metrics.listen", "must be host:port, e.g. 127.0.0.1:9464 or [::1]:9464 (port 0: any free port)")
            }
        }
    }

    private static func readRunning(
        _ reader: inout ConfigurationObjectReader, into configuration: inout AgentConfiguration
    ) {
        if let file = reader.nonEmptyString("checkpointFile", expected: "must be an absolute path") {
            if file.hasPrefix("/") {
                configuration.checkpointFile = file
            } else {
                reader.report("checkpointFile", "must be an absolute path")
            }
        }
        if let days = reader.integer("checkpointTimeToLiveDays", in: 1...3_650) {
            configuration.checkpointTimeToLiveDays = days
        }
        if let timeout = reader.integer("shutdownTimeoutMillis", in: 1...millisecondsMax) {
            configuration.shutdownTimeoutMilliseconds = timeout
        }
        if let bytes = reader.integer("maxBufferedBytes", in: AgentLimits.bufferedBytesRange) {
            configuration.maxBufferedBytes = bytes
        }
        let threadsPerCore = reader.integer("maxSendingThreadsPerCore", in: 1...64)
        if let threads = reader.integer("maxSendingThreads", in: 1...1_024) {
            configuration.maxSendingThreads = threads
        } else if let threadsPerCore {
            // The Kinesis Agent's own default: so many per core, at least 2.
            let cores = ProcessInfo.processInfo.activeProcessorCount
            configuration.maxSendingThreads = min(1_024, max(2, threadsPerCore * cores))
        }
    }

    /// The Kinesis Agent's HTTP client and thread pool knobs: checked, then left to rivulet's own client, whose
    /// bounds are set elsewhere.
    private static func readClientTuning(_ reader: inout ConfigurationObjectReader) {
        _ = reader.integer("sendingThreadsKeepAliveMillis", in: 0...millisecondsMax)
        _ = reader.integer("sendingThreadsMaxQueueSize", in: 1...1_000_000)
        _ = reader.integer("maxConnections", in: 1...10_000)
        _ = reader.integer("connectionTimeoutMillis", in: 0...millisecondsMax)
        _ = reader.integer("connectionTTLMillis", in: -1...millisecondsMax)
        _ = reader.integer("socketTimeoutMillis", in: 0...millisecondsMax)
        _ = reader.boolean("useTcpKeepAlive")
        _ = reader.boolean("useHttpGzip")
        _ = reader.string("userAgent")
        _ = reader.string("userAgentOverride")
    }
}
