import Foundation
import Testing

@testable import RivuletAgent

@Suite struct ConfigurationLoaderTests {
    static let seed = """
        {
          "cloudwatch.emitMetrics": true,
          "kinesis.endpoint": "",
          "firehose.endpoint": "",
          "flows": [
            {
              "filePattern": "/mayaappdata/customer.csv",
              "kinesisStream": "mayWeblogStream",
              "partitionKeyOption": "RANDOM",
              "dataProcessingOptions": [
                { "optionName": "CSVTOJSON", "customFieldNames": ["customer_id", "name", "mobile", "address"], "delimiter": "," }
              ]
            }
          ]
        }
        """

    @Test func loadsTheSeedConfiguration() throws {
        let configuration = try ConfigurationFolder.configuration(of: Self.seed)
        #expect(configuration.flows.count == 1)
        let flow = try #require(configuration.flows.first)
        #expect(flow.filePattern == "/mayaappdata/customer.csv")
        #expect(flow.streamName == "mayWeblogStream")
        #expect(flow.partitionKey == .random)
        #expect(flow.initialPosition == .endOfFile)
        #expect(flow.maxBufferAgeMilliseconds == 60_000)
        #expect(configuration.kinesisEndpoint == nil, "an empty endpoint means not set")
        #expect(configuration.emitMetrics)
        #expect(configuration.metricsNamespace == "AWSKinesisAgent")
    }

    /// The Kinesis Data Streams guide's first agent.json.
    @Test func loadsTheGuidesMinimalSample() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: """
                {
                  "flows": [
                        {
                            "filePattern": "/tmp/app.log*",
                            "kinesisStream": "yourkinesisstream"
                        }
                   ]
                }
                """)
        #expect(configuration.flows.map(\.identifier) == ["kinesis:yourkinesisstream:/tmp/app.log*"])
    }

    /// The guide's sample for several folders and streams.
    @Test func loadsTheGuidesMultipleFlowsSample() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: """
                {
                    "cloudwatch.emitMetrics": true,
                    "kinesis.endpoint": "https://your/kinesis/endpoint",
                    "firehose.endpoint": "https://your/firehose/endpoint",
                    "flows": [
                        {
                            "filePattern": "/tmp/app1.log*",
                            "kinesisStream": "yourkinesisstream"
                        },
                        {
                            "filePattern": "/tmp/app2.log*",
                            "kinesisStream": "yourkinesisstream"
                        }
                    ]
                }
                """)
        #expect(configuration.flows.map(\.filePattern) == ["/tmp/app1.log*", "/tmp/app2.log*"])
        #expect(configuration.kinesisEndpoint == "https://your/kinesis/endpoint")
    }

    /// The guide's multi-line sample with SINGLELINE processing.
    @Test func loadsTheGuidesMultiLineSample() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: #"""
                {
                    "flows": [
                        {
                            "filePattern": "/tmp/app.log*",
                            "kinesisStream": "my-stream",
                            "multiLineStartPattern": "\\[SEQUENCE=",
                            "dataProcessingOptions": [
                                {
                                    "optionName": "SINGLELINE"
                                }
                            ]
                        }
                    ]
                }
                """#)
        #expect(configuration.flows.first?.framing.multiLineStartPattern == #"\[SEQUENCE="#)
    }

    /// The Kinesis Agent's own example agent.json (its repository's configuration/example).
    @Test func loadsTheAgentsExampleFile() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: #"""
                {
                  "checkpointFile": "/tmp/aws-kinesis-agent-checkpoints/main.log",
                  "cloudwatch.emitMetrics": true,
                  "cloudwatch.endpoint": "https://monitoring.us-west-2.amazonaws.com",
                  "kinesis.endpoint": "https://kinesis.us-west-2.amazonaws.com",
                  "awsAccessKeyId": "ACCESSKEY",
                  "awsSecretAccessKey": "SECRETKEY",
                  "flows": [
                    {
                      "filePattern": "/tmp/aws-kinesis-agent-test1.log*",
                      "initialPosition": "END_OF_FILE",
                      "kinesisStream": "aws-kinesis-agent-test1",
                      "dataProcessingOptions": [
                        {
                          "optionName": "CSVTOJSON",
                          "customFieldNames": [ "field1", "field2", "field3" ],
                          "delimiter": "\\t"
                        }
                      ]
                    },
                    {
                      "filePattern": "/tmp/aws-kinesis-agent-test2.log*",
                      "initialPosition": "START_OF_FILE",
                      "kinesisStream": "aws-kinesis-agent-test2",
                      "dataProcessingOptions": [
                        {
                          "optionName": "LOGTOJSON",
                          "logFormat": "COMMONAPACHELOG"
                        }
                      ]
                    }
                  ]
                }
                """#)
        #expect(configuration.checkpointFile == "/tmp/aws-kinesis-agent-checkpoints/main.log")
        #expect(configuration.accessKeyId == "ACCESSKEY")
        #expect(configuration.secretAccessKey == "SECRETKEY")
        #expect(configuration.kinesisEndpoint == "https://kinesis.us-west-2.amazonaws.com")
        #expect(configuration.flows.map(\.initialPosition) == [.endOfFile, .startOfFile])
    }

    /// The Kinesis Agent's release agent.json has a Firehose flow: that flow, and only it, is refused.
    @Test func refusesOnlyTheFirehoseFlowOfTheReleaseSample() {
        let problems = ConfigurationFolder.problems(
            of: """
                {
                  "cloudwatch.emitMetrics": true,
                  "kinesis.endpoint": "",
                  "firehose.endpoint": "",

                  "flows": [
                    {
                      "filePattern": "/tmp/app.log*",
                      "kinesisStream": "yourkinesisstream",
                      "partitionKeyOption": "RANDOM"
                    },
                    {
                      "filePattern": "/tmp/app.log*",
                      "deliveryStream": "yourdeliverystream"
                    }
                  ]
                }
                """)
        #expect(
            problems == [
                ConfigurationProblem(
                    keyPath: "flows[1].deliveryStream", value: #""yourdeliverystream""#,
                    expected:
                        "deliveryStream (Kinesis Data Firehose) is not supported; rivulet agent sends to Kinesis Data Streams: use kinesisStream"
                )
            ])
    }

    @Test func mapsEveryFlowKey() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: """
                {
                  "flows": [{
                    "filePattern": "/var/log/app/**/*.log", "kinesisStream": "s1",
                    "partitionKeyOption": "DETERMINISTIC", "initialPosition": "START_OF_FILE",
                    "maxBufferAgeMillis": 1000, "maxBufferSizeBytes": "1024", "maxBufferSizeRecords": 10,
                    "minTimeBetweenFilePollsMillis": 50, "maxTimeBetweenFileTrackerRefreshMillis": 2000,
                    "publishQueueCapacity": 7, "retryInitialBackoffMillis": 20, "retryMaxBackoffMillis": 20,
                    "skipHeaderLines": 2, "multiLineStartPattern": "^\\\\d{4}-", "truncatedRecordTerminator": "…",
                    "fileFooterPattern": "^END", "aggregation": true, "readCompressedFiles": "no",
                    "partialLineTimeoutMillis": 250, "waitOnFullPublishQueueMillis": 5000, "log.emitInternalMetrics": false
                  }, {
                    "filePattern": "/var/log/other.log", "kinesisStream": "s2", "partitionKeyField": "user"
                  }]
                }
                """)
        let flow = configuration.flows[0]
        #expect(flow.partitionKey == .deterministic)
        #expect(flow.initialPosition == .startOfFile)
        #expect(flow.maxBufferAgeMilliseconds == 1_000)
        #expect(flow.maxBufferSizeBytes == 1_024)
        #expect(flow.maxBufferSizeRecords == 10)
        #expect(flow.minTimeBetweenFilePollsMilliseconds == 50)
        #expect(flow.maxTimeBetweenFileTrackerRefreshMilliseconds == 2_000)
        #expect(flow.publishQueueCapacity == 7)
        #expect(flow.retryInitialBackoffMilliseconds == 20)
        #expect(flow.retryMaxBackoffMilliseconds == 20)
        #expect(flow.framing.skipHeaderLines == 2)
        #expect(flow.framing.multiLineStartPattern == #"^\d{4}-"#)
        #expect(flow.framing.truncatedRecordTerminator == [0xE2, 0x80, 0xA6])
        #expect(flow.framing.fileFooterPattern == "^END")
        #expect(flow.framing.partialLineTimeoutMilliseconds == 250)
        #expect(flow.aggregation)
        #expect(configuration.flows[1].partitionKey == .field("user"))
        #expect(configuration.flows[1].framing.truncatedRecordTerminator == [0x0A])
    }

    @Test func mapsEveryGlobalKey() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: """
                {
                  "awsAccessKeyId": "AKID", "awsSecretAccessKey": "SECRET", "awsSessionToken": "TOKEN",
                  "assumeRoleARN": "", "kinesis.endpoint": "localhost:4567", "kinesis.region": "eu-west-1",
                  "sts.endpoint": "https://sts.amazonaws.com", "cloudwatch.endpoint": "",
                  "cloudwatch.emitMetrics": false, "cloudwatch.namespace": "Shop", "cloudwatch.tagInstance": true,
                  "cloudwatch.metricsBufferTimeMillis": 5000, "checkpointFile": "/var/tmp/checkpoints",
                  "checkpointTimeToLiveDays": 3, "maxSendingThreads": 4, "shutdownTimeoutMillis": 2000,
                  "log.level": "WARN", "log.emitMetrics": false, "log.statusReportingPeriodSeconds": 5,
                  "metrics.listen": "0.0.0.0:0", "maxConnections": 50, "useHttpGzip": false, "userAgent": "x",
                  "flows": [{ "filePattern": "/a.log", "kinesisStream": "s" }]
                }
                """)
        #expect(configuration.accessKeyId == "AKID")
        #expect(configuration.secretAccessKey == "SECRET")
        #expect(configuration.sessionToken == "TOKEN")
        #expect(configuration.kinesisEndpoint == "localhost:4567")
        #expect(configuration.kinesisRegion == "eu-west-1")
        #expect(!configuration.emitMetrics)
        #expect(configuration.metricsNamespace == "Shop")
        #expect(configuration.metricsBufferTimeMilliseconds == 5_000)
        #expect(configuration.checkpointFile == "/var/tmp/checkpoints")
        #expect(configuration.checkpointTimeToLiveDays == 3)
        #expect(configuration.maxSendingThreads == 4)
        #expect(configuration.shutdownTimeoutMilliseconds == 2_000)
        #expect(configuration.logLevel == "warning")
        #expect(!configuration.logProgress)
        #expect(configuration.statusReportingPeriodSeconds == 5)
        #expect(configuration.metricsListen == "0.0.0.0:0")
    }

    @Test func keepsDefaultsForAnAlmostEmptyFile() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: #"{"flows": [{"filePattern": "/a.log", "kinesisStream": "s", "multiLineStartPattern": null}]}"#)
        #expect(configuration.kinesisEndpoint == nil)
        #expect(configuration.accessKeyId == nil)
        #expect(configuration.checkpointFile == AgentConfiguration().checkpointFile)
        #expect(configuration.logLevel == "info")
        #expect(configuration.metricsListen == nil)
        #expect(configuration.flows[0].framing == RecordFraming())
    }

    @Test func acceptsCommentsInTheFile() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: """
                // Shipped by ops.
                {
                  /* the web tier */
                  "flows": [
                    { "filePattern": "/var/log/web.log", // rotated hourly
                      "kinesisStream": "web" }
                  ]
                }
                """)
        #expect(configuration.flows.count == 1)
    }
}
