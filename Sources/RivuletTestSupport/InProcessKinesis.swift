import Crypto
import Logging
import NIOCore
import NIOHTTP1
import RivuletClient
import RivuletCore
import RivuletHTTP
import RivuletServer
import RivuletStorage
import RivuletWire

/// A Kinesis endpoint inside the test process: the real dispatcher and service over the in-memory store, reached
/// without sockets. Requests are encoded and answers decoded exactly as `KinesisClient` does, so the libraries under
/// test see the server's real behaviour, and tests can inject failures before a call reaches it.
///
/// Used by the producer and consumer tests; the interop suite covers the same paths over real sockets.
public final class InProcessKinesis: KinesisDataPlane, Sendable {
    public let store: MemoryStreamStore
    public let faults: FaultPlan
    private let dispatcher: KinesisDispatcher
    private let region: String

    public init(clock: any WallClock = SystemClock(), region: String = "us-east-1") {
        let store = MemoryStreamStore(clock: clock)
        let service = KinesisService(
            store: store, clock: clock, secret: SymmetricKey(size: .bits256),
            configuration: ServiceConfiguration(), logger: Logger(label: "in-process-kinesis"))
        self.store = store
        self.region = region
        self.faults = FaultPlan()
        self.dispatcher = KinesisDispatcher(
            service: service,
            authenticator: RequestAuthenticator(accountId: "000000000000", secretsByAccessKeyId: nil, clock: clock),
            logger: Logger(label: "in-process-kinesis"))
    }

    /// Sends any operation, applying the fault plan first.
    public func send<Operation: KinesisOperation>(_: Operation.Type, _ input: Operation.Input) async throws
        -> Operation.Output
    {
        if let injected = faults.takeCallFault(for: Operation.action) {
            throw injected
        }
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/x-amz-json-1.1")
        headers.add(name: "x-amz-target", value: Operation.action.target)
        headers.add(name: "x-amz-date", value: "20261127T000000Z")
        headers.add(
            name: "authorization",
            value: "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261127/\(region)/kinesis/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=00")
        let response = await dispatcher.respond(
            to: HTTPRequest(
                method: .POST, uri: "/", headers: headers, body: ByteBuffer(bytes: JSONWire.encode(input))))
        let body = Array(response.body.readableBytesView)
        let status = Int(response.status.code)
        guard status == 200 else {
            throw KinesisClientError.service(
                ErrorEnvelope.decodeJSON(body, httpStatus: status), httpStatus: status, requestId: nil)
        }
        return try JSONWire.decode(Operation.Output.self, from: body)
    }

    public func createStream(_ name: String, shardCount: Int) async throws {
        _ = try await send(CreateStreamOperation.self, CreateStreamInput(streamName: name, shardCount: shardCount))
    }

    public func listShards(_ input: ListShardsInput) async throws -> ListShardsOutput {
        try await send(ListShardsOperation.self, input)
    }

    public func describeStreamSummary(_ input: DescribeStreamSummaryInput) async throws
        -> DescribeStreamSummaryOutput
    {
        try await send(DescribeStreamSummaryOperation.self, input)
    }

    /// Entries the fault plan fails are never written: they come back failed in their places, as a throttled
    /// PutRecords answers, so a retry that writes them again is not a duplicate.
    public func putRecords(_ input: PutRecordsInput) async throws -> PutRecordsOutput {
        let failures = faults.takeRecordFaults(count: input.records.count)
        guard failures.contains(where: { $0 != nil }) else {
            return try await send(PutRecordsOperation.self, input)
        }
        var forwarded = input
        forwarded.records = zip(input.records, failures).compactMap { entry, failure in failure == nil ? entry : nil }
        var written = forwarded.records.isEmpty
            ? [PutRecordsResultEntry]()
            : try await send(PutRecordsOperation.self, forwarded).records
        written.reverse()
        var results: [PutRecordsResultEntry] = []
        for failure in failures {
            if let failure {
                results.append(PutRecordsResultEntry(errorCode: failure.code.rawValue, errorMessage: failure.message))
            } else {
                results.append(written.removeLast())
            }
        }
        return PutRecordsOutput(
            failedRecordCount: failures.count(where: { $0 != nil }), records: results)
    }

    public func getShardIterator(_ input: GetShardIteratorInput) async throws -> GetShardIteratorOutput {
        try await send(GetShardIteratorOperation.self, input)
    }

    public func getRecords(_ input: GetRecordsInput) async throws -> GetRecordsOutput {
        try await send(GetRecordsOperation.self, input)
    }
}
