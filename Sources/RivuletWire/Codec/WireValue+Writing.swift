extension WireValue {
    /// Writes the tree through a writer, call by call, as shapes do, so a parsed body can be written again in either
    /// format (the fuzzers re-encode what they parse or mutate). Null has no writer call, because shapes omit absent
    /// members; it is written as nothing, so an object member holding null loses its value and must be skipped by
    /// the caller (`containsNull` tells).
    func write(to writer: inout some WireWriter) {
        switch self {
        case .null: break
        case .bool(let flag): writer.boolean(flag)
        case .integer(let number): writer.integer(number)
        case .double(let number): writer.double(number)
        case .string(let text): writer.string(text)
        case .bytes(let bytes): writer.blob(bytes)
        case .timestamp(let timestamp): writer.timestamp(timestamp)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(to: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for member in object.members {
                writer.key(member.name)
                member.value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// Whether a null appears anywhere in the tree.
    var containsNull: Bool {
        switch self {
        case .null: true
        case .array(let elements): elements.contains(where: \.containsNull)
        case .object(let object): object.members.contains { $0.value.containsNull }
        default: false
        }
    }
}
