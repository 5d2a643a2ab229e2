import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RivuletCore
import RivuletStorage
import RivuletWire

/// Answers HTTP requests with the Kinesis API. Checks run in AWS's order: body size (in the HTTP layer), method,
/// content type, empty body, JSON, target, authentication, then the operation's own checks of types, constraints and
/// semantics. Every answer carries `x-amzn-RequestId` and `x-amz-id-2`.
public final class KinesisDispatcher: HTTPResponder {
    static let jsonContentType = "application/x-amz-json-1.1"
    static let acceptedContentTypes: Set<String> = [jsonContentType, "application/json"]

    private let service: KinesisService
    private let authenticator: RequestAuthenticator
    private let metrics = ServerMetrics()
    private let metricsExporter: @Sendable () -> [UInt8]
    private let logger: Logger

    /// `metricsExporter` renders the metrics served at `GET /metrics` (Prometheus text).
    public init(
        service: KinesisService, authenticator: RequestAuthenticator, logger: Logger,
        metricsExporter: @escaping @Sendable () -> [UInt8]
    ) {
        self.service = service
        self.authenticator = authenticator
        self.logger = logger
        self.metricsExporter = metricsExporter
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let requestId = UUID().uuidString.lowercased()
        var response = await answer(request, requestId: requestId)
        response.headers.replaceOrAdd(name: "x-amzn-RequestId", value: requestId)
        response.headers.replaceOrAdd(name: "x-amz-id-2", value: Self.extendedRequestId())
        return response
    }

    public func respondToOversizeBody(_ head: HTTPRequestHead) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "x-amzn-RequestId", value: UUID().uuidString.lowercased())
        return HTTPResponse(status: .payloadTooLarge, headers: headers)
    }

    private func answer(_ request: HTTPRequest, requestId: String) async -> HTTPResponse {
        if request.method == .GET {
            switch request.path {
            case "/metrics":
                return plain(.ok, metricsExporter(), contentType: "text/plain; version=0.0.4")
            case "/health":
                return plain(.ok, Array("ok\n".utf8), contentType: "text/plain")
            default:
                break
            }
        }
        guard request.method == .POST else {
            return xmlError("AccessDeniedException", "Unable to determine service/operation name to be authorized", .forbidden)
        }
        let contentType = request.headers.first(name: "content-type")?
            .split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
        let target = request.headers.first(name: "x-amz-target") ?? ""
        let action = KinesisAction(target: target)
        if request.body.readableBytes == 0 {
            return jsonError(KinesisError(action == nil ? .unknownOperation : .serializationException, ""))
        }
        guard Self.acceptedContentTypes.contains(contentType) else {
            if !target.contains(".") {
                return xmlError(
                    "AccessDeniedException", "Unable to determine service/operation name to be authorized", .forbidden)
            }
            return HTTPResponse(status: .notFound, body: ByteBuffer(string: "<UnknownOperationException/>\n"))
        }
        let body: WireValue
        do {
            body = try request.body.withUnsafeReadableBytes { try JSONCodec.parse($0) }
        } catch {
            return jsonError(KinesisError(.serializationException, ""))
        }
        guard case .object = body else {
            return jsonError(KinesisError(.serializationException, ""))
        }
        if contentType == "application/json" {
            // AWS answers plain JSON with a 200 wrapping an UnknownOperationException, whatever the target.
            return plain(
                .ok,
                Array(#"{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException","message":null},"Version":"1.0"}"#.utf8),
                contentType: "application/json")
        }
        guard let action else {
            return jsonError(KinesisError(.unknownOperation, ""))
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome: HTTPResponse
        var errorType: String?
        do {
            let context = try authenticator.authenticate(request, requestId: requestId)
            outcome = plain(.ok, try await perform(action, body: body, context: context), contentType: Self.jsonContentType)
        } catch {
            let kinesisError = map(error, action: action, requestId: requestId)
            errorType = kinesisError.code.rawValue
            outcome = jsonError(kinesisError)
        }
        metrics.recordRequest(
            operation: action.rawValue, errorType: errorType,
            durationNanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
        return outcome
    }

    /// The exhaustive map from operation to handler.
    private func perform(_ action: KinesisAction, body: WireValue, context: RequestContext) async throws -> [UInt8] {
        switch action {
        case .addTagsToStream: try await run(AddTagsToStreamHandler(service: service), body, context)
        case .createStream: try await run(CreateStreamHandler(service: service), body, context)
        case .decreaseStreamRetentionPeriod:
            try await run(DecreaseStreamRetentionPeriodHandler(service: service), body, context)
        case .deleteStream: try await run(DeleteStreamHandler(service: service), body, context)
        case .describeLimits: try await run(DescribeLimitsHandler(service: service), body, context)
        case .describeStream: try await run(DescribeStreamHandler(service: service), body, context)
        case .describeStreamSummary: try await run(DescribeStreamSummaryHandler(service: service), body, context)
        case .getRecords: try await run(GetRecordsHandler(service: service), body, context)
        case .getShardIterator: try await run(GetShardIteratorHandler(service: service), body, context)
        case .increaseStreamRetentionPeriod:
            try await run(IncreaseStreamRetentionPeriodHandler(service: service), body, context)
        case .listShards: try await run(ListShardsHandler(service: service), body, context)
        case .listStreams: try await run(ListStreamsHandler(service: service), body, context)
        case .listTagsForResource: try await run(ListTagsForResourceHandler(service: service), body, context)
        case .listTagsForStream: try await run(ListTagsForStreamHandler(service: service), body, context)
        case .mergeShards: try await run(MergeShardsHandler(service: service), body, context)
        case .putRecord: try await run(PutRecordHandler(service: service), body, context)
        case .putRecords: try await run(PutRecordsHandler(service: service), body, context)
        case .removeTagsFromStream: try await run(RemoveTagsFromStreamHandler(service: service), body, context)
        case .splitShard: try await run(SplitShardHandler(service: service), body, context)
        case .tagResource: try await run(TagResourceHandler(service: service), body, context)
        case .untagResource: try await run(UntagResourceHandler(service: service), body, context)
        case .updateShardCount: try await run(UpdateShardCountHandler(service: service), body, context)
        case .updateStreamMode: try await run(UpdateStreamModeHandler(service: service), body, context)
        case .deleteResourcePolicy, .deregisterStreamConsumer, .describeAccountSettings, .describeStreamConsumer,
            .disableEnhancedMonitoring, .enableEnhancedMonitoring, .getResourcePolicy, .listStreamConsumers,
            .putResourcePolicy, .registerStreamConsumer, .startStreamEncryption,
            .stopStreamEncryption, .subscribeToShard, .updateAccountSettings, .updateMaxRecordSize,
            .updateStreamWarmThroughput:
            throw KinesisError(.invalidArgument, "\(action.rawValue) is not supported by this server.")
        }
    }

    private func run<Handler: OperationHandler>(
        _ handler: Handler, _ body: WireValue, _ context: RequestContext
    ) async throws -> [UInt8] {
        let input = try Handler.Operation.Input(decoding: body)
        let output = try await handler.handle(input, context: context)
        return JSONWire.encode(output)
    }

    private func map(_ error: any Error, action: KinesisAction, requestId: String) -> KinesisError {
        switch error {
        case let error as KinesisError:
            if error.code == .internalFailure {
                logger.error(
                    "request failed", metadata: ["operation": "\(action.rawValue)", "request.id": "\(requestId)",
                                                 "error": "\(error)"])
            }
            return error
        case StorageError.streamNotFound(let key):
            return KinesisError.streamNotFound(key)
        case StorageError.shardNotFound(let key, let index):
            return KinesisError.shardNotFound(ShardID(index: index), in: key)
        case StorageError.shardClosed(let key, let index):
            return KinesisError(
                .invalidArgument, "Shard \(ShardID(index: index)) in stream \(key.name) is closed.")
        default:
            logger.error(
                "request failed", metadata: ["operation": "\(action.rawValue)", "request.id": "\(requestId)",
                                             "error": "\(error)"])
            return KinesisError.internalFailure()
        }
    }

    // MARK: Responses

    private func plain(_ status: HTTPResponseStatus, _ body: [UInt8], contentType: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        return HTTPResponse(status: status, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// An error with an empty message carries only `__type`, as AWS answers requests it cannot parse far enough to
    /// say more about.
    private func jsonError(_ error: KinesisError) -> HTTPResponse {
        plain(
            HTTPResponseStatus(statusCode: error.code.httpStatus), ErrorEnvelope.encodeJSON(error),
            contentType: Self.jsonContentType)
    }

    private func xmlError(_ type: String, _ message: String, _ status: HTTPResponseStatus) -> HTTPResponse {
        HTTPResponse(
            status: status,
            body: ByteBuffer(string: "<\(type)>\n  <Message>\(message)</Message>\n</\(type)>\n"))
    }

    private static func extendedRequestId() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<72).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
    }
}
