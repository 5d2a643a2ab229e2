/// A value a shape writes as one member: scalars, enums, nested shapes and lists of them.
protocol WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer)
}

extension String: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.string(self) }
}

extension Int: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.integer(Int64(self)) }
}

extension Int64: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.integer(self) }
}

extension Bool: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.boolean(self) }
}

extension WireTimestamp: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) { writer.timestamp(self) }
}

extension Array: WireEncodable where Element: WireEncodable {
    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginArray()
        for element in self { element.encode(to: &writer) }
        writer.endArray()
    }
}

extension Dictionary: WireEncodable where Key == String, Value: WireEncodable {
    /// Keys in sorted order, so that equal maps always encode to equal bytes (and equal SigV4 payload hashes).
    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        for key in keys.sorted() {
            writer.key(key)
            self[key].unsafelyUnwrapped.encode(to: &writer)
        }
        writer.endObject()
    }
}

extension WireWriter {
    /// Writes `name` and `value`, or nothing when the value is absent: shapes omit absent members.
    mutating func member<Value: WireEncodable>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        key(name)
        value.encode(to: &self)
    }

    mutating func member(_ name: StaticString, blob: [UInt8]?) {
        guard let blob else { return }
        key(name)
        self.blob(blob)
    }
}
