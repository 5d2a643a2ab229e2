import Foundation

struct ConditionTimeout: Error, CustomStringConvertible {
    let timeoutSeconds: Double
    var description: String { "condition not met within \(timeoutSeconds) s" }
}

/// Polls `condition` until it holds; the deadline is generous because a loaded machine can be slow, and it only
/// matters when the test would fail anyway.
func waitUntil(timeoutSeconds: Double, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw ConditionTimeout(timeoutSeconds: timeoutSeconds) }
        try await Task.sleep(for: .milliseconds(50))
    }
}
