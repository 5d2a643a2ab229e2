import RivuletCore
import RivuletStorage
import RivuletWire

/// Stops sealing a stream's new records. Records sealed before stay sealed and readable, each opened with the key
/// its fingerprint names, for as long as the keyring holds that key.
struct StopStreamEncryptionHandler: OperationHandler {
    typealias Operation = StopStreamEncryptionOperation
    let service: KinesisService

    func handle(
        _ input: StopStreamEncryptionInput, context: RequestContext
    ) async throws -> StopStreamEncryptionOutput {
        let key = try StreamResolver.key(streamName: input.streamName, streamARN: input.streamARN, context: context)
        _ = try await service.stream(key)
        guard input.encryptionType == .kms else {
            throw KinesisError(
                .invalidArgument,
                "EncryptionType \(input.encryptionType.rawValue) is not valid for StopStreamEncryption; the only "
                    + "valid value is KMS.")
        }
        let now = service.nowMilliseconds
        let status = service.lifecycle.begin(.updating)
        try await service.changeActiveStream(key) { stream in
            stream.encryption = nil
            stream.status = status
            stream.statusChangedMilliseconds = now
        }
        return StopStreamEncryptionOutput()
    }
}
