import RivuletCore
import RivuletStorage
import RivuletWire

/// Sets the largest record a stream takes, 1 MiB to 10 MiB; PutRecord and PutRecords check it from then on.
struct UpdateMaxRecordSizeHandler: OperationHandler {
    typealias Operation = UpdateMaxRecordSizeOperation
    let service: KinesisService

    func handle(_ input: UpdateMaxRecordSizeInput, context: RequestContext) async throws -> UpdateMaxRecordSizeOutput {
        guard let arn = input.streamARN else {
            throw KinesisError(.invalidArgument, "StreamARN must be provided.")
        }
        let key = try StreamResolver.key(arn: arn, context: context)
        let size = input.maxRecordSizeInKiB
        try await service.changeActiveStream(key) { stream in
            stream.maxRecordSizeKibibytes = size
        }
        return UpdateMaxRecordSizeOutput()
    }
}
