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
            let page = try service.pageTokens.open(text, nowMilliseconds: now)
            // A stream listing's token names no stream; a ListShards token does.
            guard page.streamName.isEmpty, page.account == context.scope.account, page.region == context.scope.region
            else { throw KinesisError(.invalidArgument, "Invalid NextToken.") }
            after = page.lastKey
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
                PagePosition(
                    account: context.scope.account, region: context.scope.region, streamName: "",
                    streamCreatedMilliseconds: 0, lastKey: page.last?.key.name ?? "", issuedMilliseconds: now))
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
