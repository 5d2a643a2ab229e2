import RivuletConsumer

/// Counts and checkpoints each batch, as a real application would.
final class CountingProcessor: ShardRecordProcessor {
    private let counter: ProcessedCounter

    init(counter: ProcessedCounter) { self.counter = counter }

    func initialize(_ input: InitializationInput) async throws {}

    func processRecords(_ input: ProcessRecordsInput) async throws {
        counter.add(input.records.count)
        try await input.checkpointer.checkpoint()
    }

    func leaseLost() async {}

    func shardEnded(_ input: ShardEndedInput) async throws {
        try await input.checkpointer.checkpoint()
    }

    func shutdownRequested(_ input: ShutdownRequestedInput) async throws {}
}
