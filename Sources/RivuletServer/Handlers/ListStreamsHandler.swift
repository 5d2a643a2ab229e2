import RivuletCore
import RivuletStorage
import RivuletWire

struct ListStreamsHandler: OperationHandler {
    typealias Operation = ListStreamsOperation
    let service: KinesisService

    func handle(_ input: ListStreamsInput, context: RequestContext) async throws -> ListStreamsOutput {
        let now = service.nowMilliseconds
        var after = input.exclusiveStartStreamName
        if let text = input.nextToken {
            let token = try service.pageTokens.open(text, nowMilliseconds: now)
            guard token.listing == .streams, token.account == context.scope.account,
                token.region == context.scope.region
            else { throw KinesisError(.invalidArgument, "Invalid NextToken.") }
            after = token.afterStreamName
        }
        var streams = try await service.streams(in: context.scope)
        if let after {
            streams = streams.filter { $0.key.name > after }
        }
        let limit = input.limit ?? Limits.listStreamsLimitDefault
        let page = Array(streams.prefix(limit))
        let hasMore = streams.count > page.count
        let nextToken = hasMore
            ? service.pageTokens.seal(
                PageToken(
                    listing: .streams, account: context.scope.account, region: context.scope.region,
                    afterStreamName: page.last?.key.name, issuedMilliseconds: now))
            : nil
        return ListStreamsOutput(
            streamNames: page.map(\.key.name),
            hasMoreStreams: hasMore,
            nextToken: nextToken,
            streamSummaries: page.map { stream in
                StreamSummary(
                    streamName: stream.key.name, streamARN: stream.key.streamARN, streamStatus: stream.status,
                    streamModeDetails: stream.wireStreamModeDetails,
                    streamCreationTimestamp: stream.wireCreationTimestamp)
            })
    }
}
