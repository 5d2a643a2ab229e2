import Synchronization

/// Set once when the agent is asked to stop (SIGTERM, or `--once` finished): the tailers stop reading at their
/// next turn, and the producers drain.
final class AgentStop: Sendable {
    private let requested = Atomic<Bool>(false)

    var isRequested: Bool { requested.load(ordering: .relaxed) }

    func request() {
        requested.store(true, ordering: .relaxed)
    }
}
