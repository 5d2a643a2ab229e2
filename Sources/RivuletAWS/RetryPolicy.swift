import RivuletCore

/// When a failed call is tried again, and after how long: exponential backoff with full jitter, so that clients
/// throttled together do not retry together.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 never retries.
    public var attemptsMax: Int
    /// The ceiling of the first retry's delay; each further retry doubles it.
    public var delayMillisecondsBase: Int64
    /// No delay exceeds this, however many retries came before.
    public var delayMillisecondsMax: Int64

    public init(attemptsMax: Int, delayMillisecondsBase: Int64, delayMillisecondsMax: Int64) {
        precondition(
            (1...Limits.clientAttemptsMax).contains(attemptsMax), "attempts must be in 1...\(Limits.clientAttemptsMax)")
        precondition(
            delayMillisecondsBase >= 0 && delayMillisecondsBase <= delayMillisecondsMax, "delays must be ordered")
        self.attemptsMax = attemptsMax
        self.delayMillisecondsBase = delayMillisecondsBase
        self.delayMillisecondsMax = delayMillisecondsMax
    }

    /// Five attempts, starting from up to 100 ms and never waiting more than 20 s.
    public static let standard = RetryPolicy(attemptsMax: 5, delayMillisecondsBase: 100, delayMillisecondsMax: 20_000)

    /// One attempt only.
    public static let never = RetryPolicy(attemptsMax: 1, delayMillisecondsBase: 0, delayMillisecondsMax: 0)

    /// Whether to try again after attempt number `attempt` (counted from 1) failed with `error`.
    public func shouldRetry(_ error: some RetryableFailure, afterAttempt attempt: Int) -> Bool {
        attempt < attemptsMax && error.isTransient
    }

    /// Runs `attempt` until it succeeds, fails with an error that is not a transient `Failure`, or the attempts are
    /// spent (the last error is thrown); between attempts it waits the jittered backoff, and tells `onRetry` first.
    /// - Throws: the attempt's error, or `CancellationError` when the task is cancelled while waiting.
    public func run<Result, Failure: RetryableFailure>(
        retrying _: Failure.Type,
        onRetry: (_ attempt: Int, _ delayMilliseconds: Int64, _ error: Failure) -> Void = { _, _, _ in },
        _ attempt: () async throws -> Result
    ) async throws -> Result {
        var random = SystemRandomNumberGenerator()
        var number = 1
        while true {
            do {
                return try await attempt()
            } catch let error as Failure where shouldRetry(error, afterAttempt: number) {
                let delay = delayMilliseconds(beforeRetry: number, using: &random)
                onRetry(number, delay, error)
                try await Task.sleep(for: .milliseconds(delay))
                number += 1
            }
        }
    }

    /// How long to wait before retry number `retry` (counted from 1): a uniformly random time between zero and
    /// `delayMillisecondsBase * 2^(retry - 1)`, capped at `delayMillisecondsMax`.
    ///
    /// One word of the generator, scaled onto the range, makes the choice, so a generator that always answers 0
    /// gives no delay and one that always answers `UInt64.max` gives the ceiling. No delay is favoured by more than
    /// ceiling / 2^64, which for any ceiling a retry could wait is nothing.
    public func delayMilliseconds(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Int64 {
        precondition(retry >= 1, "retries are counted from 1")
        let choices = UInt128(ceilingMilliseconds(beforeRetry: retry)) + 1
        return Int64((UInt128(generator.next()) * choices) >> 64)
    }

    /// The largest delay `delayMilliseconds(beforeRetry:using:)` can choose.
    public func ceilingMilliseconds(beforeRetry retry: Int) -> Int64 {
        let doublings = retry - 1
        guard doublings < Int64.bitWidth - 1 else { return delayMillisecondsMax }
        let (grown, overflowed) = delayMillisecondsBase.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflowed ? delayMillisecondsMax : min(grown, delayMillisecondsMax)
    }
}
