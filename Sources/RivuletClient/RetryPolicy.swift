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
    public func shouldRetry(_ error: KinesisClientError, afterAttempt attempt: Int) -> Bool {
        attempt < attemptsMax && Self.isTransient(error)
    }

    /// Throttling, server faults and broken connections pass; any other refusal would only be refused again.
    public static func isTransient(_ error: KinesisClientError) -> Bool {
        switch error {
        case .service(let kinesisError, let httpStatus, _):
            switch kinesisError.code {
            case .provisionedThroughputExceeded, .limitExceeded, .kmsThrottling: true
            default: httpStatus >= 500
            }
        case .unexpectedResponse(let httpStatus, _, _): httpStatus >= 500
        case .connectionFailed, .connectionLost: true
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
