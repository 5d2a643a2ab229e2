/// A parsed request or response body: the tree every wire format (JSON now, CBOR later) decodes into before the
/// shapes read it. Numbers keep whether they were integers, so a 64-bit value survives exactly.
public enum WireValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number: with a fraction, an exponent, or too large for 64 bits.
    case double(Double)
    case string(String)
    /// Raw bytes: CBOR carries blobs this way; JSON blobs arrive as base64 strings and are decoded by the shapes.
    case bytes([UInt8])
    case array([WireValue])
    case object(WireObject)
}
