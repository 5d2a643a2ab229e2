import RivuletCore
import RivuletStorage
import RivuletWire

struct RemoveTagsFromStreamHandler: OperationHandler {
    typealias Operation = RemoveTagsFromStreamOperation
    let service: KinesisService

    func handle(
        _ input: RemoveTagsFromStreamInput, context: RequestContext
    ) async throws -> RemoveTagsFromStreamOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        try TagRules.checkCharacters(Dictionary(input.tagKeys.map { ($0, "") }, uniquingKeysWith: { first, _ in first }))
        let removed = Set(input.tagKeys)
        try await service.changeActiveStream(key) { stream in
            stream.tags.removeAll { removed.contains($0.key) }
        }
        return RemoveTagsFromStreamOutput()
    }
}
