import RivuletCore
import RivuletStorage
import RivuletWire

/// Starts sealing a stream's new records at rest under a keyring key (or moves it to another key). Like AWS, the
/// stream is UPDATING for the status delay and takes records meanwhile; records put before stay as they were stored.
struct StartStreamEncryptionHandler: OperationHandler {
    typealias Operation = StartStreamEncryptionOperation
    let service: KinesisService

    func handle(
        _ input: StartStreamEncryptionInput, context: RequestContext
    ) async throws -> StartStreamEncryptionOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        _ = try await service.stream(key)
        guard input.encryptionType == .kms else {
            throw KinesisError(
                .invalidArgument,
                "EncryptionType \(input.encryptionType.rawValue) is not valid for StartStreamEncryption; the only "
                    + "valid value is KMS.")
        }
        // The key must exist now, so a typo is refused here rather than failing every later PutRecord.
        _ = try service.sealer.keyring.key(for: input.keyId)
        let keyId = input.keyId
        let now = service.nowMilliseconds
        let status = service.lifecycle.begin(.updating)
        try await service.changeActiveStream(key) { stream in
            stream.encryption = StreamEncryptionSettings(keyId: keyId)
            stream.status = status
            stream.statusChangedMilliseconds = now
        }
        return StartStreamEncryptionOutput()
    }
}
