import RivuletCore
import RivuletStorage
import RivuletWire

struct UpdateStreamModeHandler: OperationHandler {
    typealias Operation = UpdateStreamModeOperation
    let service: KinesisService

    func handle(_ input: UpdateStreamModeInput, context: RequestContext) async throws -> UpdateStreamModeOutput {
        let key = try StreamResolver.key(arn: input.streamARN, context: context)
        let mode = input.streamModeDetails.streamMode
        let now = service.nowMilliseconds
        let status = service.lifecycle.begin(.updating)
        try await service.changeActiveStream(key) { stream in
            guard stream.mode != mode else {
                throw KinesisError(
                    .invalidArgument,
                    "Stream \(key.name) under account \(key.scope.account) is already in \(mode.rawValue) mode.")
            }
            stream.mode = mode
            stream.status = status
            stream.statusChangedMilliseconds = now
        }
        return UpdateStreamModeOutput()
    }
}
