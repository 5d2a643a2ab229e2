/// The wire types of the protocol buffer encoding that can appear in a message (groups are long deprecated and
/// rejected).
enum ProtobufWireType: UInt64 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5

    /// The key byte(s) announcing field `number` with this wire type.
    func key(field number: UInt64) -> UInt64 {
        (number << 3) | rawValue
    }
}
