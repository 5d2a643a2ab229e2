import RivuletWire

/// The calls the producer and consumer libraries make. `KinesisClient` is the real implementation, for a Rivulet
/// server or Amazon Kinesis alike; tests supply in-process twins that can inject failures.
///
/// Implementations report the service's answers as `KinesisClientError`, as `KinesisClient` does, so callers
/// handle one error type whichever implementation they were given.
public protocol KinesisDataPlane: Sendable {
    func listShards(_ input: ListShardsInput) async throws -> ListShardsOutput
    func describeStreamSummary(_ input: DescribeStreamSummaryInput) async throws -> DescribeStreamSummaryOutput
    func putRecords(_ input: PutRecordsInput) async throws -> PutRecordsOutput
    func getShardIterator(_ input: GetShardIteratorInput) async throws -> GetShardIteratorOutput
    func getRecords(_ input: GetRecordsInput) async throws -> GetRecordsOutput
}

extension KinesisClient: KinesisDataPlane {}
