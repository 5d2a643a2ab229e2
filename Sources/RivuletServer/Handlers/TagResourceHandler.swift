import RivuletCore
import RivuletStorage
import RivuletWire

struct TagResourceHandler: OperationHandler {
    typealias Operation = TagResourceOperation
    let service: KinesisService

    func handle(_ input: TagResourceInput, context: RequestContext) async throws -> TagResourceOutput {
        let key = try StreamResolver.key(arn: input.resourceARN, context: context)
        try await service.changeActiveStream(key) { stream in
            stream.tags = try TagRules.merge(input.tags, into: stream.tags, stream: key)
        }
        return TagResourceOutput()
    }
}
