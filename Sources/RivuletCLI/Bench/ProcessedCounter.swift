import Synchronization

/// Counts processed user records across shards and wakes the bench when all have arrived.
final class ProcessedCounter: Sendable {
    private let count = Atomic<Int>(0)
    let target: Int

    init(target: Int) { self.target = target }

    func add(_ records: Int) { count.add(records, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }

    func waitUntilDone(progress: @Sendable (String) -> Void) async {
        var polls = 0
        while value < target {
            try? await Task.sleep(for: .milliseconds(5))
            polls += 1
            if polls % 200 == 0 { progress("consuming: \(value)/\(target) records") }
        }
    }
}
