/// A parsed request or response body: the tree every wire format (JSON, CBOR) decodes into before the shapes read
/// it. Numbers keep whether they were integers, so a 64-bit value survives exactly.
public enum WireValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number: with a fraction, an exponent, or too large for 64 bits. Always finite: both parsers refuse
    /// NaN and infinities, so equality on the tree stays reflexive and every writer can write what a parser read.
    case double(Double)
    case string(String)
    /// Raw bytes: CBOR carries blobs this way; JSON blobs arrive as base64 strings and are decoded by the shapes.
    case bytes([UInt8])
    /// A point in time that the format itself marks as one. Only CBOR produces it (tag 1, which the AWS SDK for Java
    /// writes around integer epoch milliseconds); JSON timestamps are plain numbers of epoch seconds.
    case timestamp(WireTimestamp)
    case array([WireValue])
    case object(WireObject)
}
