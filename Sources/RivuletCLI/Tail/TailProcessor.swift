import RivuletConsumer

/// `rivulet tail`'s processor for one shard: prints each batch, then checkpoints the last record printed, so a
/// restarted tail with the same --application continues after what was already shown.
final class TailProcessor: ShardRecordProcessor {
    private let printer: TailPrinter
    private let checkpoints: Bool

    init(printer: TailPrinter, checkpoints: Bool) {
        self.printer = printer
        self.checkpoints = checkpoints
    }

    func initialize(_ input: InitializationInput) async throws {}

    func processRecords(_ input: ProcessRecordsInput) async throws {
        let printed = printer.print(input.records, shardId: input.shardId)
        guard checkpoints, printed > 0 else { return }
        let last = input.records[printed - 1]
        try await input.checkpointer.checkpoint(last)
        printer.reportCheckpoint(shardId: input.shardId, at: last.extendedSequenceNumber)
    }

    func leaseLost() async {}

    func shardEnded(_ input: ShardEndedInput) async throws {
        try await input.checkpointer.checkpoint()
    }

    func shutdownRequested(_ input: ShutdownRequestedInput) async throws {}
}
