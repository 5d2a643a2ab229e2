/// What a bench run does. Every workload states its shape in the report.
public struct BenchConfiguration: Sendable {
    public enum Workload: String, Sendable, CaseIterable {
        case putRecords = "put-records"
        case putRecord = "put-record"
        case getRecords = "get-records"
    }

    public var streamName = "rivulet-bench"
    public var shardCount = 4
    public var workloads: [Workload] = Workload.allCases
    /// Concurrent PutRecords callers, each with its own kept-alive connection.
    public var connections = 8
    public var recordsPerRequest = 500
    public var recordBytes = 100
    /// How long each timed workload runs (GetRecords runs until it has read everything back).
    public var durationSeconds = 10.0
    /// Concurrent GetRecords readers: one per shard up to this many.
    public var readersMax = 8
    /// Delete the bench stream when done.
    public var deleteStream = true

    public init() {}
}
