import RivuletClient
import RivuletTestSupport
import RivuletWire
import Synchronization

/// `InProcessKinesis` behind a switch: while it is off, every call fails as a connection to a dead endpoint does
/// (and is counted), so an outage can start and end in the middle of a test.
final class SwitchedKinesis: KinesisDataPlane, Sendable {
    let kinesis: InProcessKinesis
    private let reachable = Atomic<Bool>(true)
    private let refusedCalls = Atomic<Int>(0)
    private let refusedPuts = Atomic<Int>(0)

    init(_ kinesis: InProcessKinesis) {
        self.kinesis = kinesis
    }

    var isReachable: Bool {
        get { reachable.load(ordering: .acquiring) }
        set { reachable.store(newValue, ordering: .releasing) }
    }

    /// Calls refused while unreachable, since the start; and of them, PutRecords calls.
    var refusedCallCount: Int { refusedCalls.load(ordering: .relaxed) }
    var refusedPutCount: Int { refusedPuts.load(ordering: .relaxed) }

    private func check() throws {
        guard isReachable else {
            refusedCalls.add(1, ordering: .relaxed)
            throw KinesisClientError.connectionFailed(endpoint: "in-process", reason: "connection refused (test)")
        }
    }

    func listShards(_ input: ListShardsInput) async throws -> ListShardsOutput {
        try check()
        return try await kinesis.listShards(input)
    }

    func describeStreamSummary(_ input: DescribeStreamSummaryInput) async throws -> DescribeStreamSummaryOutput {
        try check()
        return try await kinesis.describeStreamSummary(input)
    }

    func putRecords(_ input: PutRecordsInput) async throws -> PutRecordsOutput {
        if !isReachable { refusedPuts.add(1, ordering: .relaxed) }
        try check()
        return try await kinesis.putRecords(input)
    }

    func getShardIterator(_ input: GetShardIteratorInput) async throws -> GetShardIteratorOutput {
        try check()
        return try await kinesis.getShardIterator(input)
    }

    func getRecords(_ input: GetRecordsInput) async throws -> GetRecordsOutput {
        try check()
        return try await kinesis.getRecords(input)
    }
}
