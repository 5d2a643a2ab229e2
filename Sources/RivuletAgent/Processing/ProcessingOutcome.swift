/// What the data processing chain made of one record.
public enum ProcessingOutcome: Sendable, Equatable {
    /// Send these bytes.
    case send([UInt8])
    /// A processor dropped the record on purpose (LOGTOJSON: the line does not match the format). Counted, not sent.
    case skip
    /// A processor failed to convert the record; as the Kinesis Agent does, the record is sent as it was read.
    /// Counted, with the reason logged.
    case sendUnprocessed([UInt8], reason: String)
}
