import Foundation
import Synchronization

@testable import RivuletAgent

/// An agent running in a task of its own, so that a test can stop it and wait for it with a deadline: an agent
/// that does not stop fails the test instead of hanging the suite (its task is then cancelled and left behind).
final class RunningAgent: Sendable {
    let agent: Agent
    private let outcome: Outcome
    private let task: Task<Void, Never>

    private final class Outcome: Sendable {
        let result = Mutex<Result<Void, any Error>?>(nil)
    }

    init(agent: Agent) {
        self.agent = agent
        let outcome = Outcome()
        self.outcome = outcome
        task = Task {
            do {
                try await agent.run()
                outcome.result.withLock { $0 = .success(()) }
            } catch {
                outcome.result.withLock { $0 = .failure(error) }
            }
        }
    }

    var hasFinished: Bool { outcome.result.withLock { $0 != nil } }

    /// Asks the agent to stop as SIGTERM does, and waits for `run()` to return.
    func stop(withinSeconds seconds: Double) async -> Result<Void, any Error>? {
        agent.requestStop()
        return await wait(withinSeconds: seconds)
    }

    /// How `run()` ended, or nil if it did not end within `seconds`.
    func wait(withinSeconds seconds: Double) async -> Result<Void, any Error>? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let result = outcome.result.withLock({ $0 }) { return result }
            try? await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        return nil
    }
}

/// Polls `condition` until it holds, failing after a generous deadline.
func waitUntil(
    _ description: String, timeoutSeconds: Double = 60, _ condition: () async throws -> Bool
) async throws {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while try await !condition() {
        guard Date() < deadline else {
            throw WaitTimedOut(description: description, seconds: timeoutSeconds)
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

struct WaitTimedOut: Error, CustomStringConvertible {
    var description: String

    init(description: String, seconds: Double) {
        self.description = "timed out after \(Int(seconds)) s waiting for \(description)"
    }
}
