import RivuletClient

/// Stream preparation for benchmarks that live outside this module (the producer benchmark in the CLI).
public enum BenchStreams {
    /// Creates the stream if it is missing and waits until it is ACTIVE.
    public static func prepare(client: KinesisClient, name: String, shardCount: Int) async throws {
        try await BenchStream(client: client, name: name).prepare(shardCount: shardCount)
    }
}
