import RivuletAWS
import RivuletCore
import Testing

@testable import RivuletClient

/// A generator that always yields the same word: 0 makes `random(in:)` choose the lower bound, `.max` the upper.
struct ConstantRandomNumberGenerator: RandomNumberGenerator {
    let word: UInt64

    mutating func next() -> UInt64 { word }
}

@Suite struct RetryPolicyTests {
    static func service(_ code: KinesisErrorCode, status: Int = 400) -> KinesisClientError {
        .service(KinesisError(code, "message"), httpStatus: status, requestId: "id")
    }

    @Test(arguments: [
        service(.provisionedThroughputExceeded),
        service(.limitExceeded),
        service(.kmsThrottling),
        service(.internalFailure, status: 500),
        service(.serviceUnavailable, status: 503),
        KinesisClientError.unexpectedResponse(httpStatus: 502, requestId: nil, detail: "bad gateway"),
        KinesisClientError.connectionFailed(endpoint: "http://127.0.0.1:4567", reason: "connection refused"),
        KinesisClientError.connectionLost(endpoint: "http://127.0.0.1:4567", reason: "reset"),
    ])
    func retriesTransientFailures(error: KinesisClientError) {
        #expect(error.isTransient)
        #expect(RetryPolicy.standard.shouldRetry(error, afterAttempt: 1))
    }

    @Test(arguments: [
        service(.validation),
        service(.resourceNotFound),
        service(.resourceInUse),
        service(.invalidArgument),
        service(.expiredIterator),
        service(.invalidSignature),
        service(.unrecognizedClient),
        service(.accessDenied),
        service(.requestEntityTooLarge, status: 413),
        KinesisClientError.unexpectedResponse(httpStatus: 200, requestId: nil, detail: "truncated"),
    ])
    func neverRetriesOtherRefusals(error: KinesisClientError) {
        #expect(!error.isTransient)
        #expect(!RetryPolicy.standard.shouldRetry(error, afterAttempt: 1))
    }

    @Test func stopsAfterTheLastAttempt() {
        let policy = RetryPolicy(attemptsMax: 3, delayMillisecondsBase: 10, delayMillisecondsMax: 100)
        let throttled = Self.service(.provisionedThroughputExceeded)
        #expect(policy.shouldRetry(throttled, afterAttempt: 2))
        #expect(!policy.shouldRetry(throttled, afterAttempt: 3))
        #expect(!RetryPolicy.never.shouldRetry(throttled, afterAttempt: 1))
    }

    @Test func theCeilingDoublesUpToTheMaximum() {
        let policy = RetryPolicy(attemptsMax: 10, delayMillisecondsBase: 100, delayMillisecondsMax: 1_000)
        #expect((1...6).map { policy.ceilingMilliseconds(beforeRetry: $0) } == [100, 200, 400, 800, 1_000, 1_000])
    }

    @Test func theCeilingNeverOverflows() {
        let policy = RetryPolicy(attemptsMax: 20, delayMillisecondsBase: 3, delayMillisecondsMax: .max)
        #expect(policy.ceilingMilliseconds(beforeRetry: 62) == 3 << 61)
        #expect(policy.ceilingMilliseconds(beforeRetry: 63) == .max)
        #expect(policy.ceilingMilliseconds(beforeRetry: 1_000) == .max)
    }

    @Test func delaysSpanFromZeroToTheCeiling() {
        let policy = RetryPolicy(attemptsMax: 5, delayMillisecondsBase: 100, delayMillisecondsMax: 20_000)
        var lowest = ConstantRandomNumberGenerator(word: 0)
        var highest = ConstantRandomNumberGenerator(word: .max)
        #expect((1...4).map { policy.delayMilliseconds(beforeRetry: $0, using: &lowest) } == [0, 0, 0, 0])
        #expect((1...4).map { policy.delayMilliseconds(beforeRetry: $0, using: &highest) } == [100, 200, 400, 800])
    }

    @Test func delaysAreSpreadAcrossTheRange() {
        let policy = RetryPolicy(attemptsMax: 5, delayMillisecondsBase: 1_000, delayMillisecondsMax: 1_000)
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in policy.delayMilliseconds(beforeRetry: 1, using: &generator) }
        #expect(delays.allSatisfy { (0...1_000).contains($0) })
        // Two hundred draws all landing in one half would mean the jitter is not full.
        #expect(delays.contains { $0 < 500 } && delays.contains { $0 >= 500 })
    }
}
