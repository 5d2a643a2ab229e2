import RivuletCore
import RivuletStorage
import RivuletWire

struct AddTagsToStreamHandler: OperationHandler {
    typealias Operation = AddTagsToStreamOperation
    let service: KinesisService

    func handle(_ input: AddTagsToStreamInput, context: RequestContext) async throws -> AddTagsToStreamOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        try await service.changeActiveStream(key) { stream in
            stream.tags = try TagRules.merge(input.tags, into: stream.tags, stream: key)
        }
        return AddTagsToStreamOutput()
    }
}
