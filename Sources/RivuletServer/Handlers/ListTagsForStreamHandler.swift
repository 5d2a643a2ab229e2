import RivuletCore
import RivuletStorage
import RivuletWire

struct ListTagsForStreamHandler: OperationHandler {
    typealias Operation = ListTagsForStreamOperation
    let service: KinesisService

    func handle(_ input: ListTagsForStreamInput, context: RequestContext) async throws -> ListTagsForStreamOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        let stream = try await service.stream(key)
        var tags = stream.wireTags
        if let start = input.exclusiveStartTagKey {
            tags = tags.filter { $0.key > start }
        }
        let limit = input.limit ?? Limits.tagsPerStreamMax
        return ListTagsForStreamOutput(tags: Array(tags.prefix(limit)), hasMoreTags: tags.count > limit)
    }
}
