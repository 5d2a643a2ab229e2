import RivuletCore
import RivuletStorage
import RivuletWire

struct ListTagsForResourceHandler: OperationHandler {
    typealias Operation = ListTagsForResourceOperation
    let service: KinesisService

    func handle(
        _ input: ListTagsForResourceInput, context: RequestContext
    ) async throws -> ListTagsForResourceOutput {
        let key = try StreamResolver.key(arn: input.resourceARN, context: context)
        return ListTagsForResourceOutput(tags: try await service.stream(key).wireTags)
    }
}
