import RivuletCore
import RivuletStorage
import RivuletWire

/// Lists a stream's consumers by name, a page at a time.
struct ListStreamConsumersHandler: OperationHandler {
    typealias Operation = ListStreamConsumersOperation
    let service: KinesisService

    func handle(_ input: ListStreamConsumersInput, context: RequestContext) async throws -> ListStreamConsumersOutput {
        let key = try StreamResolver.key(arn: input.streamARN, context: context)
        let now = service.nowMilliseconds
        var afterName: String?
        var expectedCreation: Int64?
        if let token = input.nextToken {
            let page = try service.pageTokens.open(token, nowMilliseconds: now)
            guard page.account == key.scope.account, page.region == key.scope.region, page.streamName == key.name
            else { throw KinesisError(.invalidArgument, "Invalid NextToken.") }
            afterName = page.lastKey
            expectedCreation = page.streamCreatedMilliseconds
        }
        let stream = try await service.stream(key)
        if let expectedCreation, expectedCreation != stream.createdMilliseconds {
            throw KinesisError(.invalidArgument, "Invalid NextToken.")
        }
        if let created = input.streamCreationTimestamp,
            created.epochMilliseconds / 1000 != stream.createdMilliseconds / 1000
        {
            throw KinesisError.streamNotFound(key)
        }
        var consumers = stream.consumers.sorted { $0.name < $1.name }
        if let afterName {
            consumers.removeAll { $0.name <= afterName }
        }
        let limit = input.maxResults ?? Limits.listStreamConsumersMaxResultsDefault
        let page = Array(consumers.prefix(limit))
        let nextToken = consumers.count > page.count
            ? service.pageTokens.seal(
                PagePosition(
                    account: key.scope.account, region: key.scope.region, streamName: key.name,
                    streamCreatedMilliseconds: stream.createdMilliseconds, lastKey: page.last?.name ?? "",
                    issuedMilliseconds: now))
            : nil
        return ListStreamConsumersOutput(consumers: page.map { $0.wireConsumer(in: key) }, nextToken: nextToken)
    }
}
