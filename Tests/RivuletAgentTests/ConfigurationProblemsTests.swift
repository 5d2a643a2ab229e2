import Testing

@testable import RivuletAgent

@Suite struct ConfigurationProblemsTests {
    private func places(_ problems: [ConfigurationProblem]) -> [String] {
        problems.map { "\($0.keyPath)=\($0.value ?? "-")" }
    }

    @Test func reportsEveryMistakeOfABadFileWithItsKeyPathAndValue() {
        let problems = ConfigurationFolder.problems(
            of: """
                {
                  "kinesis.region": 42,
                  "awsAccessKeyId": "AKID",
                  "assumeRoleARN": "arn:aws:iam::123456789012:role/x",
                  "cloudwatch.emitMetrics": "maybe",
                  "log.statusReportingPeriodSeconds": 0,
                  "metrics.listen": "localhost",
                  "checkpointFile": "relative/path",
                  "flows": [
                    {
                      "filePattern": "var/log/app.log",
                      "kinesisStream": "web",
                      "partitionKeyOption": "random",
                      "initialPosition": "BEGINNING",
                      "maxBufferAgeMillis": 500,
                      "maxBufferSizeBytes": 5242881,
                      "maxBufferSizeRecords": 501,
                      "retryInitialBackoffMillis": 5000, "retryMaxBackoffMillis": 1000,
                      "skipHeaderLines": -1,
                      "multiLineStartPattern": "([unclosed",
                      "aggregation": "sometimes",
                      "maxBufferAgeMilis": 1000
                    },
                    { "kinesisStream": "s" },
                    { "filePattern": "/x.log", "kinesisStream": "bad name!" },
                    "not an object"
                  ]
                }
                """)
        #expect(
            places(problems) == [
                "awsSecretAccessKey=-",
                #"assumeRoleARN="arn:aws:iam::123456789012:role/x""#,
                "kinesis.region=42",
                #"cloudwatch.emitMetrics="maybe""#,
                "log.statusReportingPeriodSeconds=0",
                #"metrics.listen="localhost""#,
                #"checkpointFile="relative/path""#,
                #"flows[0].filePattern="var/log/app.log""#,
                #"flows[0].partitionKeyOption="random""#,
                #"flows[0].initialPosition="BEGINNING""#,
                "flows[0].maxBufferAgeMillis=500",
                "flows[0].maxBufferSizeBytes=5242881",
                "flows[0].maxBufferSizeRecords=501",
                "flows[0].retryMaxBackoffMillis=1000",
                "flows[0].skipHeaderLines=-1",
                #"flows[0].multiLineStartPattern="([unclosed""#,
                #"flows[0].aggregation="sometimes""#,
                "flows[0].maxBufferAgeMilis=-",
                "flows[1].filePattern=-",
                #"flows[2].kinesisStream="bad name!""#,
                #"flows[3]="not an object""#,
            ])
        let byPlace = Dictionary(problems.map { ($0.keyPath, $0.expected) }, uniquingKeysWith: { first, _ in first })
        #expect(byPlace["kinesis.region"] == "must be a string")
        #expect(byPlace["flows[0].maxBufferAgeMillis"] == "must be a whole number from 1000 to 900000")
        #expect(byPlace["flows[0].maxBufferSizeBytes"] == "must be a whole number from 1 to 5242880")
        #expect(byPlace["flows[0].maxBufferSizeRecords"] == "must be a whole number from 1 to 500")
        #expect(byPlace["flows[0].partitionKeyOption"] == "must be one of RANDOM, DETERMINISTIC (case matters)")
        #expect(
            byPlace["assumeRoleARN"]
                == "is not supported; give awsAccessKeyId and awsSecretAccessKey or use the default credential chain")
        #expect(byPlace["flows[0].maxBufferAgeMilis"]?.hasPrefix("is not a known key; did you mean maxBufferAgeMillis?") == true)
        #expect(byPlace["flows[0].maxBufferAgeMilis"]?.contains("Allowed here: filePattern, kinesisStream") == true)
        #expect(byPlace["flows[0].retryMaxBackoffMillis"] == "retryMaxBackoffMillis (1000) must be at least retryInitialBackoffMillis (5000)")
    }

    @Test func prefixesEveryKeyPathWithTheFileAndListsAllInTheDescription() {
        let folder = ConfigurationFolder()
        folder.writeMain(#"{"cloudwatch.emitMetrics": 2, "flows": [{"filePattern": "/a", "kinesisStream": ""}]}"#)
        do throws(AgentConfigurationError) {
            _ = try folder.load()
            Issue.record("a bad file loaded")
        } catch {
            #expect(error.problems.map(\.keyPath) == [
                "\(folder.mainPath):cloudwatch.emitMetrics", "\(folder.mainPath):flows[0].kinesisStream",
            ])
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0] == "\(folder.mainPath):cloudwatch.emitMetrics: 2 — must be true or false")
        }
    }

    @Test func explainsThatFirehoseFlowsAreNotSupported() {
        let problems = ConfigurationFolder.problems(
            of: #"{"flows": [{"filePattern": "/a.log", "deliveryStream": "fh", "aggregatedRecordSizeBytes": 1000}]}"#)
        #expect(places(problems) == [#"flows[0].deliveryStream="fh""#, "flows[0].aggregatedRecordSizeBytes=1000"])
        #expect(
            problems.first?.expected
                == "deliveryStream (Kinesis Data Firehose) is not supported; rivulet agent sends to Kinesis Data Streams: use kinesisStream")
    }

    @Test func pointsFirehoseAggregationToOurs() {
        let problems = ConfigurationFolder.problems(
            of: #"{"flows": [{"filePattern": "/a.log", "kinesisStream": "s", "aggregatedRecordSizeBytes": 1000}]}"#)
        #expect(problems.first?.expected.contains("use aggregation: true") == true)
    }

    @Test func refusesReadingCompressedFilesItCannotDecompress() {
        let problems = ConfigurationFolder.problems(
            of: #"{"flows": [{"filePattern": "/a.log*", "kinesisStream": "s", "readCompressedFiles": true}]}"#)
        #expect(places(problems) == ["flows[0].readCompressedFiles=true"])
        #expect(problems.first?.expected.contains("always skipped") == true)
    }

    @Test func refusesAPartitionKeyFieldWithDeterministicKeys() {
        let problems = ConfigurationFolder.problems(
            of: """
                {"flows": [{"filePattern": "/a.log", "kinesisStream": "s",
                            "partitionKeyOption": "DETERMINISTIC", "partitionKeyField": "user"}]}
                """)
        #expect(places(problems) == [#"flows[0].partitionKeyField="user""#])
    }

    @Test func refusesTheSamePatternAndStreamTwice() {
        let problems = ConfigurationFolder.problems(
            of: """
                {"flows": [{"filePattern": "/a.log", "kinesisStream": "s"},
                           {"filePattern": "/a.log", "kinesisStream": "t"},
                           {"filePattern": "/a.log", "kinesisStream": "s", "initialPosition": "START_OF_FILE"}]}
                """)
        #expect(places(problems) == ["flows[2]=-"])
        #expect(problems.first?.expected.contains("flows[0]") == true)
    }

    @Test func needsBothHalvesOfAKeyPair() {
        #expect(places(ConfigurationFolder.problems(of: #"{"awsSecretAccessKey": "S", "flows": [{"filePattern": "/a", "kinesisStream": "s"}]}"#))
            == ["awsAccessKeyId=-"])
        #expect(places(ConfigurationFolder.problems(of: #"{"awsSessionToken": "T", "flows": [{"filePattern": "/a", "kinesisStream": "s"}]}"#))
            == ["awsSessionToken=-"], "a token is never shown")
    }

    @Test func refusesCustomCredentialProvidersAndRoles() {
        let problems = ConfigurationFolder.problems(
            of: """
                {"userDefinedCredentialsProvider.classname": "com.example.Provider",
                 "userDefinedCredentialsProvider.location": "/opt/provider.jar",
                 "assumeRoleExternalId": "ext",
                 "flows": [{"filePattern": "/a", "kinesisStream": "s"}]}
                """)
        #expect(
            problems.map(\.keyPath) == [
                "assumeRoleExternalId", "userDefinedCredentialsProvider.classname",
                "userDefinedCredentialsProvider.location",
            ])
        #expect(problems.allSatisfy { $0.expected.contains("not supported") })
    }

    @Test func catchesTyposInTopLevelKeys() {
        let problems = ConfigurationFolder.problems(
            of: #"{"flow": [], "Kinesis.Endpoint": "x", "zzz": 1, "flows": [{"filePattern": "/a", "kinesisStream": "s"}]}"#)
        #expect(places(problems) == ["flow=-", "Kinesis.Endpoint=-", "zzz=-"])
        #expect(problems[0].expected.hasPrefix("is not a known key; did you mean flows?"))
        #expect(problems[1].expected.hasPrefix("is not a known key; did you mean kinesis.endpoint?"))
        #expect(problems[2].expected.hasPrefix("is not a known key. Allowed here: flows, awsAccessKeyId"))
    }

    @Test func treatsEnumValuesAsCaseSensitive() {
        let problems = ConfigurationFolder.problems(
            of: #"{"log.level": "Info", "flows": [{"filePattern": "/a", "kinesisStream": "s", "initialPosition": "end_of_file"}]}"#)
        #expect(places(problems) == [#"log.level="Info""#, #"flows[0].initialPosition="end_of_file""#])
    }

    @Test func acceptsNumbersAndBooleansWrittenAsTextAsTheOriginalDoes() throws {
        let configuration = try ConfigurationFolder.configuration(
            of: #"{"cloudwatch.emitMetrics": "FALSE", "maxSendingThreads": "8", "flows": [{"filePattern": "/a", "kinesisStream": "s", "aggregation": 1}]}"#)
        #expect(!configuration.emitMetrics)
        #expect(configuration.maxSendingThreads == 8)
        #expect(configuration.flows[0].aggregation)
    }

    @Test func refusesFractionsAndHugeNumbers() {
        let problems = ConfigurationFolder.problems(
            of: """
                {"flows": [{"filePattern": "/a", "kinesisStream": "s", "maxBufferAgeMillis": 1500.5,
                            "maxBufferSizeRecords": 1e2, "publishQueueCapacity": 99999999999999999999999}]}
                """)
        #expect(
            places(problems) == [
                "flows[0].maxBufferAgeMillis=1500.5", "flows[0].maxBufferSizeRecords=1e2",
                "flows[0].publishQueueCapacity=99999999999999999999999",
            ])
    }

    @Test func checksARetryInitialBackoffAgainstTheDefaultMaximum() {
        let problems = ConfigurationFolder.problems(
            of: #"{"flows": [{"filePattern": "/a", "kinesisStream": "s", "retryInitialBackoffMillis": 20000}]}"#)
        #expect(places(problems) == ["flows[0].retryInitialBackoffMillis=20000"])
    }

    @Test func showsLongValuesCut() {
        let long = String(repeating: "x", count: 500)
        let problems = ConfigurationFolder.problems(
            of: #"{"kinesis.region": "\#(long)", "flows": [{"filePattern": "/a", "kinesisStream": "s"}]}"#)
        #expect(problems.first?.value?.count == ConfigurationLimits.shownValueCharactersMax + 1)
        #expect(problems.first?.value?.hasSuffix("…") == true)
    }

    @Test func refusesStructuresOfTheWrongShape() {
        #expect(places(ConfigurationFolder.problems(of: "[1, 2]")).first?.hasSuffix("agent.json=-") == true)
        #expect(places(ConfigurationFolder.problems(of: #"{"flows": {"filePattern": "/a"}}"#))
            == [#"flows={"filePattern":"/a"}"#])
        #expect(places(ConfigurationFolder.problems(of: #"{"flows": []}"#)) == ["flows=-"])
        #expect(places(ConfigurationFolder.problems(of: "{}")) == ["flows=-"])
    }

    @Test func checksEndpointsAndListenAddresses() {
        for good in ["https://kinesis.eu-west-1.amazonaws.com", "http://127.0.0.1:4567", "localhost", "[::1]:4567"] {
            #expect(EndpointValidation.isEndpoint(good), "\(good)")
        }
        for bad in ["ftp://host", "https://", "host name", "host:port", "host:99999"] {
            #expect(!EndpointValidation.isEndpoint(bad), "\(bad)")
        }
        for good in ["127.0.0.1:9464", "0.0.0.0:0", "[::]:9090", "localhost:65535"] {
            #expect(EndpointValidation.isListenAddress(good), "\(good)")
        }
        for bad in ["localhost", ":9090", "host:", "host:65536", "[::1]", "a:b:c"] {
            #expect(!EndpointValidation.isListenAddress(bad), "\(bad)")
        }
    }
}
