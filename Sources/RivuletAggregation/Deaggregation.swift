/// What a Kinesis record's data turned out to be.
public enum Deaggregation: Sendable, Equatable {
    /// No aggregate magic, or too short to hold the magic and the digest: the data is one user record.
    case notAggregated
    /// A well-formed aggregate whose digest matches, and the user records it holds, in order.
    case aggregated([DeaggregatedRecord])
    /// The magic is there but the digest does not match or the message does not parse. Readers pass such a record
    /// through raw, as the KCL does, rather than drop it.
    case corrupt(reason: String)
}
