import ArgumentParser

/// `rivulet`: the server, and tools that speak the Kinesis API to it or to Amazon Kinesis.
public struct RivuletCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rivulet",
        abstract: "A durable, Kinesis Data Streams-compatible stream server and its tools.",
        discussion: """
            Start a server with `rivulet server`, then use the aws CLI, boto3, any AWS SDK, or the subcommands below \
            with --endpoint-url http://127.0.0.1:4567.
            """,
        subcommands: [
            ServerCommand.self, BenchCommand.self, PutCommand.self, TailCommand.self, AgentCommand.self,
            CreateStreamCommand.self, DeleteStreamCommand.self, DescribeStreamCommand.self,
            DescribeStreamSummaryCommand.self, ListStreamsCommand.self, ListShardsCommand.self,
            PutRecordCommand.self, PutRecordsCommand.self, GetShardIteratorCommand.self, GetRecordsCommand.self,
            AddTagsToStreamCommand.self, ListTagsForStreamCommand.self, RemoveTagsFromStreamCommand.self,
            IncreaseStreamRetentionPeriodCommand.self, DecreaseStreamRetentionPeriodCommand.self,
            DescribeLimitsCommand.self, UpdateStreamModeCommand.self,
            SplitShardCommand.self, MergeShardsCommand.self, UpdateShardCountCommand.self,
        ])

    public init() {}
}
