import RivuletCore
import RivuletStorage
import RivuletWire

struct UntagResourceHandler: OperationHandler {
    typealias Operation = UntagResourceOperation
    let service: KinesisService

    func handle(_ input: UntagResourceInput, context: RequestContext) async throws -> UntagResourceOutput {
        let key = try StreamResolver.key(arn: input.resourceARN, context: context)
        let removed = Set(input.tagKeys)
        try await service.changeActiveStream(key) { stream in
            stream.tags.removeAll { removed.contains($0.key) }
        }
        return UntagResourceOutput()
    }
}
