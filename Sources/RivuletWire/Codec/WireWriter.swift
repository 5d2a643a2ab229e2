/// Writes a body in one wire format. Shapes call these in document order; the writer adds the separators. Member
/// names are static strings because every shape's names are known at compile time, which lets a writer copy them
/// without allocating.
public protocol WireWriter {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The name of the next member of the current object.
    mutating func key(_ name: StaticString)
    /// A key chosen by the caller, as in a map of tags.
    mutating func key(_ name: String)
    mutating func string(_ value: String)
    mutating func integer(_ value: Int64)
    mutating func double(_ value: Double)
    mutating func boolean(_ value: Bool)
    mutating func blob(_ bytes: [UInt8])
    mutating func timestamp(_ value: WireTimestamp)
}
