import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RivuletCore
import RivuletHTTP
import RivuletStorage
import RivuletWire

/// Answers HTTP requests with the Kinesis API. Checks run in AWS's order: body size (in the HTTP layer), method,
/// content type, empty body, body syntax (JSON or CBOR), target, authentication, then the operation's own checks of
/// types, constraints and semantics. Answers use the request's format. Every answer carries `x-amzn-RequestId` and
/// `x-amz-id-2`.
public final class KinesisDispatcher: HTTPResponder {
    static let eventStreamContentType = "application/vnd.amazon.eventstream"
    /// Plain JSON is read (to refuse it the way AWS does) but never answered in.
    static let plainJSONContentType = "application/json"

    private let service: KinesisService
    private let subscriptions = SubscriptionRegistry()
    private let authenticator: RequestAuthenticator
    private let metrics = ServerMetrics()
    private let logger: Logger

    public init(service: KinesisService, authenticator: RequestAuthenticator, logger: Logger) {
        self.service = service
        self.authenticator = authenticator
        self.logger = logger
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
        guard request.method == .POST else {
            return xmlError("AccessDeniedException", "Unable to determine service/operation name to be authorized", .forbidden)
        }
        let contentType = request.headers.first(name: "content-type")?
            .split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
        let target = request.headers.first(name: "x-amz-target") ?? ""
        let action = KinesisAction(target: target)
        let format = WireFormat(contentType: contentType)
        if request.body.readableBytes == 0 {
            return errorResponse(
                KinesisError(action == nil ? .unknownOperation : .serializationException, ""), format ?? .json)
        }
        guard format != nil || contentType == Self.plainJSONContentType else {
            if !target.contains(".") {
                return xmlError(
                    "AccessDeniedException", "Unable to determine service/operation name to be authorized", .forbidden)
            }
            return HTTPResponse(status: .notFound, body: ByteBuffer(string: "<UnknownOperationException/>\n"))
        }
        let bodyFormat = format ?? .json
        let body: WireValue
        do {
            body = try request.body.withUnsafeReadableBytes { try bodyFormat.parseRequest($0) }
        } catch {
            return errorResponse(KinesisError(.serializationException, ""), bodyFormat)
        }
        guard case .object = body else {
            return errorResponse(KinesisError(.serializationException, ""), bodyFormat)
        }
        guard let format else {
            // AWS answers plain JSON with a 200 wrapping an UnknownOperationException, whatever the target.
            return plain(
                .ok,
                Array(#"{"Output":{"__type":"com.amazon.coral.service#UnknownOperationException","message":null},"Version":"1.0"}"#.utf8),
                contentType: Self.plainJSONContentType)
        }
        guard let action else {
            return errorResponse(KinesisError(.unknownOperation, ""), format)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome: HTTPResponse
        var errorType: String?
        do {
            let context = try authenticator.authenticate(request, requestId: requestId)
            try await service.configuration.faultInjection.strike(action)
            try service.controlPlaneLimiter?.admit(action, scope: context.scope, nowMilliseconds: service.nowMilliseconds)
            if action == .subscribeToShard {
                outcome = try await subscribe(body, context: context, format: format)
            } else {
                outcome = plain(
                    .ok, try await perform(action, body: body, context: context, format: format),
                    contentType: format.contentType)
            }
        } catch {
            let kinesisError = map(error, action: action, requestId: requestId)
            errorType = kinesisError.code.rawValue
            outcome = errorResponse(kinesisError, format)
        }
        metrics.recordRequest(
            operation: action.rawValue, errorType: errorType,
            durationNanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
        return outcome
    }

    /// SubscribeToShard answers with an event stream once its checks pass; until then, like any operation.
    private func subscribe(_ body: WireValue, context: RequestContext, format: WireFormat) async throws -> HTTPResponse {
        let input = try SubscribeToShardInput(decoding: body)
        let subscription = try await SubscribeToShardHandler(service: service, registry: subscriptions, logger: logger)
            .open(input, context: context, format: format)
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: Self.eventStreamContentType)
        return HTTPResponse(status: .ok, headers: headers, stream: HTTPResponseStream { writer in
            try await subscription.run(writer)
        })
    }

    /// The exhaustive map from operation to handler. SubscribeToShard streams, so `answer` serves it instead.
    private func perform(
        _ action: KinesisAction, body: WireValue, context: RequestContext, format: WireFormat
    ) async throws -> [UInt8] {
        let call = HandlerCall(body: body, context: context, format: format)
        switch action {
        case .addTagsToStream: return try await call.run(AddTagsToStreamHandler(service: service))
        case .createStream: return try await call.run(CreateStreamHandler(service: service))
        case .decreaseStreamRetentionPeriod:
            return try await call.run(DecreaseStreamRetentionPeriodHandler(service: service))
        case .deleteResourcePolicy: return try await call.run(DeleteResourcePolicyHandler(service: service))
        case .deleteStream: return try await call.run(DeleteStreamHandler(service: service))
        case .deregisterStreamConsumer: return try await call.run(DeregisterStreamConsumerHandler(service: service))
        case .describeAccountSettings: return try await call.run(DescribeAccountSettingsHandler(service: service))
        case .describeLimits: return try await call.run(DescribeLimitsHandler(service: service))
        case .describeStream: return try await call.run(DescribeStreamHandler(service: service))
        case .describeStreamConsumer: return try await call.run(DescribeStreamConsumerHandler(service: service))
        case .describeStreamSummary: return try await call.run(DescribeStreamSummaryHandler(service: service))
        case .disableEnhancedMonitoring: return try await call.run(DisableEnhancedMonitoringHandler(service: service))
        case .enableEnhancedMonitoring: return try await call.run(EnableEnhancedMonitoringHandler(service: service))
        case .getRecords: return try await call.run(GetRecordsHandler(service: service))
        case .getResourcePolicy: return try await call.run(GetResourcePolicyHandler(service: service))
        case .getShardIterator: return try await call.run(GetShardIteratorHandler(service: service))
        case .increaseStreamRetentionPeriod:
            return try await call.run(IncreaseStreamRetentionPeriodHandler(service: service))
        case .listShards: return try await call.run(ListShardsHandler(service: service))
        case .listStreamConsumers: return try await call.run(ListStreamConsumersHandler(service: service))
        case .listStreams: return try await call.run(ListStreamsHandler(service: service))
        case .listTagsForResource: return try await call.run(ListTagsForResourceHandler(service: service))
        case .listTagsForStream: return try await call.run(ListTagsForStreamHandler(service: service))
        case .mergeShards: return try await call.run(MergeShardsHandler(service: service))
        case .putRecord: return try await call.run(PutRecordHandler(service: service))
        case .putRecords: return try await call.run(PutRecordsHandler(service: service))
        case .putResourcePolicy: return try await call.run(PutResourcePolicyHandler(service: service))
        case .registerStreamConsumer: return try await call.run(RegisterStreamConsumerHandler(service: service))
        case .removeTagsFromStream: return try await call.run(RemoveTagsFromStreamHandler(service: service))
        case .splitShard: return try await call.run(SplitShardHandler(service: service))
        case .tagResource: return try await call.run(TagResourceHandler(service: service))
        case .untagResource: return try await call.run(UntagResourceHandler(service: service))
        case .updateAccountSettings: return try await call.run(UpdateAccountSettingsHandler(service: service))
        case .updateMaxRecordSize: return try await call.run(UpdateMaxRecordSizeHandler(service: service))
        case .updateShardCount: return try await call.run(UpdateShardCountHandler(service: service))
        case .updateStreamMode: return try await call.run(UpdateStreamModeHandler(service: service))
        case .updateStreamWarmThroughput:
            return try await call.run(UpdateStreamWarmThroughputHandler(service: service))
        case .startStreamEncryption: return try await call.run(StartStreamEncryptionHandler(service: service))
        case .stopStreamEncryption: return try await call.run(StopStreamEncryptionHandler(service: service))
        case .subscribeToShard:
            preconditionFailure("SubscribeToShard is answered with an event stream, not through perform")
        }
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
    private func errorResponse(_ error: KinesisError, _ format: WireFormat) -> HTTPResponse {
        plain(HTTPResponseStatus(statusCode: error.code.httpStatus), format.encode(error), contentType: format.contentType)
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
