import RivuletCore

/// Builds one JSON document into bytes, laid out as the Kinesis Agent's Jackson printers lay it out. Used where a
/// record's shape is not fixed ahead (LOGTOJSON, ADDMETADATA); CSVTOJSON has its own faster path.
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    let format: JSONFormat

    init(format: JSONFormat, capacity: Int = 256) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    mutating func appendRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string from UTF-8 bytes, quoted and escaped.
    mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        let room = 2 + utf8.count * JSONStringEscaping.bytesPerInputByteMax
        bytes.append(contentsOf: repeatElement(0, count: room))
        var position = start
        bytes.withUnsafeMutableBufferPointer { output in
            let base = output.baseAddress!
            base[position] = UInt8(ascii: "\"")
            position += 1
            JSONStringEscaping.writeEscaped(utf8, 0..<utf8.count, into: base, position: &position)
            base[position] = UInt8(ascii: "\"")
            position += 1
        }
        bytes.removeLast(bytes.count - position)
    }

    mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { appendString($0) }
    }

    /// An object whose member values are strings or null, in order.
    mutating func appendFlatObject(_ members: [(key: String, value: String?)], depth: Int = 1) {
        guard !members.isEmpty else { return appendRaw(format.emptyObject) }
        for (index, member) in members.enumerated() {
            appendRaw(format.memberLead(index: index, depth: depth))
            appendString(member.key)
            appendRaw(format.memberSeparator)
            if let value = member.value { appendString(value) } else { appendRaw("null") }
        }
        appendRaw(format.objectClose(depth: depth))
    }

    /// Any value; numbers are written as their text, which the caller has already put in Java's form.
    /// `depth` counts enclosing objects only: Jackson's pretty printer keeps arrays on one line without indenting.
    mutating func appendValue(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: appendRaw("null")
        case .bool(let flag): appendRaw(flag ? "true" : "false")
        case .number(let text): appendRaw(text)
        case .string(let text): appendString(text)
        case .array(let items): appendArray(items, depth: depth)
        case .object(let members): appendObject(members, depth: depth + 1)
        }
    }

    mutating func appendObject(_ members: [JSONMember], depth: Int) {
        guard !members.isEmpty else { return appendRaw(format.emptyObject) }
        for (index, member) in members.enumerated() {
            appendRaw(format.memberLead(index: index, depth: depth))
            appendString(member.key)
            appendRaw(format.memberSeparator)
            appendValue(member.value, depth: depth)
        }
        appendRaw(format.objectClose(depth: depth))
    }

    private mutating func appendArray(_ items: [JSONValue], depth: Int) {
        guard !items.isEmpty else { return appendRaw(format.emptyArray) }
        let spacing = format == .prettyPrint ? " " : ""
        appendRaw("[" + spacing)
        for (index, item) in items.enumerated() {
            if index > 0 { appendRaw("," + spacing) }
            appendValue(item, depth: depth)
        }
        appendRaw(spacing + "]")
    }
}
