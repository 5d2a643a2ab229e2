import RivuletCore
import RivuletStorage
import RivuletWire

struct DeleteStreamHandler: OperationHandler {
    typealias Operation = DeleteStreamOperation
    let service: KinesisService

    func handle(_ input: DeleteStreamInput, context: RequestContext) async throws -> DeleteStreamOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        _ = try await service.stream(key)
        // No registered consumers exist yet, so EnforceConsumerDeletion has nothing to force.
        if service.lifecycle.transitionDelayMilliseconds == 0 {
            do {
                try await service.store.deleteStream(key)
            } catch StorageError.streamNotFound {
                throw KinesisError.streamNotFound(key)
            }
        } else {
            let now = service.nowMilliseconds
            try await service.store.updateStream(key) { stream in
                stream.status = .deleting
                stream.statusChangedMilliseconds = now
            }
        }
        service.logger.info("stream deleted", metadata: ["stream.name": "\(key.name)"])
        return DeleteStreamOutput()
    }
}
