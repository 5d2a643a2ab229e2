/// Why the producer did not put a record.
public enum ProducerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The partition key is empty or longer than 256 characters.
    case invalidPartitionKey(reason: String)
    /// The explicit hash key is not a decimal integer in [0, 2^128 - 1].
    case invalidExplicitHashKey(String)
    /// Data plus partition key exceed the largest record allowed.
    case recordTooLarge(bytes: Int, limitBytes: Int)
    /// The producer was shut down before the record was accepted.
    case shutDown
    /// The record's time to live ran out before Kinesis took it; `lastError` is the last failure seen, nil if the
    /// record was never attempted (for instance held back by the rate limiter).
    case expired(attempts: Int, lastError: ProducerAttemptError?)
    /// The producer's `run()` was cancelled before the record was put.
    case cancelled

    public var description: String {
        switch self {
        case .invalidPartitionKey(let reason): "invalid partition key: \(reason)"
        case .invalidExplicitHashKey(let text): "invalid explicit hash key '\(text)': not a decimal in [0, 2^128 - 1]"
        case .recordTooLarge(let bytes, let limitBytes):
            "record of \(bytes) bytes (data plus partition key) exceeds the limit of \(limitBytes) bytes"
        case .shutDown: "the producer is shut down"
        case .expired(let attempts, let lastError):
            "record expired after \(attempts) attempt(s)"
                + (lastError.map { "; last error: \($0)" } ?? " without being sent")
        case .cancelled: "the producer was cancelled before the record was put"
        }
    }
}

/// One failed attempt: an error code as Kinesis names them (or the producer's own name for a failure that never
/// reached Kinesis's answer, such as a lost connection) and its message.
public struct ProducerAttemptError: Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
