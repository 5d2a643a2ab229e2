/// An agent's whole configuration: agent.json plus every agent.d/*.json beside it. Defaults are the Kinesis
/// Agent's, except where noted.
public struct AgentConfiguration: Sendable {
    public var flows: [FlowConfiguration] = []
    /// `kinesis.endpoint`: a URL, or a host name (https assumed). nil: the region's public endpoint.
    public var kinesisEndpoint: String?
    /// `kinesis.region`; nil: from the environment and ~/.aws, as the AWS CLI.
    public var kinesisRegion: String?
    /// `awsAccessKeyId` / `awsSecretAccessKey` (and, beyond the original, `awsSessionToken`); nil: the default
    /// credential chain.
    public var accessKeyId: String?
    public var secretAccessKey: String?
    public var sessionToken: String?
    /// `checkpointFile`. Default /var/lib/rivulet-agent/checkpoints (not /var/run, which a reboot empties).
    public var checkpointFile = "/var/lib/rivulet-agent/checkpoints"
    public var checkpointTimeToLiveDays = 7
    /// `cloudwatch.emitMetrics`: whether metrics are kept and served (on `metricsListen`).
    public var emitMetrics = true
    /// `cloudwatch.namespace`: prefix of the metric names' `namespace` label.
    public var metricsNamespace = "AWSKinesisAgent"
    public var metricsBufferTimeMilliseconds = 30_000
    /// Beyond the original (`metrics.listen`): host:port of the Prometheus endpoint; nil: not served. Port 0 picks a
    /// free port, printed at start.
    public var metricsListen: String?
    public var shutdownTimeoutMilliseconds = 10_000
    /// `log.level`: trace, debug, info, warning, error (the original's TRACE..ERROR accepted too).
    public var logLevel = "info"
    /// `log.emitMetrics`: whether the progress lines are logged.
    public var logProgress = true
    /// `log.statusReportingPeriodSeconds`.
    public var statusReportingPeriodSeconds = 30
    /// `maxSendingThreads`: requests in flight per flow. Default as the original: 12 per core, here at least 16.
    public var maxSendingThreads = 16
    /// Beyond the original (`maxBufferedBytes`): records read from files and not yet acknowledged by the stream, in
    /// bytes (data and partition key), all flows together, each flow getting an equal share. At the bound a flow
    /// stops reading (it keeps finding and opening files) until acknowledgements make room, so an outage of any
    /// length holds memory here.
    public var maxBufferedBytes = 16 * 1024 * 1024

    public init() {}
}
