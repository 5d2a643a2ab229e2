import Synchronization
import Testing

@testable import RivuletAWS

@Suite struct RetryPolicyRunTests {
    struct Failure: RetryableFailure, Equatable {
        var isTransient: Bool
    }

    static let immediate = RetryPolicy(attemptsMax: 4, delayMillisecondsBase: 0, delayMillisecondsMax: 0)

    @Test func retriesTransientFailuresUntilOneSucceeds() async throws {
        let attempts = Mutex(0)
        var retries: [Int] = []
        let result = try await Self.immediate.run(retrying: Failure.self, onRetry: { attempt, _, _ in
            retries.append(attempt)
        }) {
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            if attempt < 3 { throw Failure(isTransient: true) }
            return "done after \(attempt)"
        }
        #expect(result == "done after 3")
        #expect(retries == [1, 2])
    }

    @Test func aFailureThatIsNotTransientIsThrownAtOnce() async {
        let attempts = Mutex(0)
        await #expect(throws: Failure(isTransient: false)) {
            try await Self.immediate.run(retrying: Failure.self) {
                attempts.withLock { $0 += 1 }
                throw Failure(isTransient: false)
            }
        }
        #expect(attempts.withLock { $0 } == 1)
    }

    @Test func theLastTransientFailureIsThrownOnceTheAttemptsAreSpent() async {
        let attempts = Mutex(0)
        await #expect(throws: Failure(isTransient: true)) {
            try await Self.immediate.run(retrying: Failure.self) {
                attempts.withLock { $0 += 1 }
                throw Failure(isTransient: true)
            }
        }
        #expect(attempts.withLock { $0 } == 4)
    }
}
