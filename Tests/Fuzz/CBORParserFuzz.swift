/// libFuzzer's entry point for the CBOR parser, built by scripts/fuzz-cbor together with the few source files the
/// parser needs (not by SwiftPM: the package declares no target here). For every input the parser must return or
/// throw; a trap, an overflow or a memory fault is a finding. What it accepts must also survive being written by
/// CBORWriter and parsed again unchanged, so a value the parser builds wrongly is a finding too.
@_cdecl("LLVMFuzzerTestOneInput")
public func cborParserFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var parser = CBORParser(UnsafeRawBufferPointer(start: data, count: size))
    guard let value = try? parser.parseDocument(), !FuzzTreeWriter.containsNull(value) else { return 0 }
    var writer = CBORWriter()
    FuzzTreeWriter.write(value, to: &writer)
    let rewritten = writer.bytes
    let reparsed = rewritten.withUnsafeBytes { buffer in
        var again = CBORParser(buffer)
        return try? again.parseDocument()
    }
    guard reparsed == value else { fatalError("written and parsed again, the value changed: \(value)") }
    return 0
}

/// Writes a parsed tree back through the writer, call by call, as shapes do. Null has no writer call (shapes omit
/// absent members), so trees holding one are not written.
enum FuzzTreeWriter {
    static func containsNull(_ value: WireValue) -> Bool {
        switch value {
        case .null: true
        case .array(let elements): elements.contains(where: containsNull)
        case .object(let object): object.members.contains { containsNull($0.value) }
        default: false
        }
    }

    static func write(_ value: WireValue, to writer: inout CBORWriter) {
        switch value {
        case .null: preconditionFailure("null has no writer call")
        case .bool(let flag): writer.boolean(flag)
        case .integer(let number): writer.integer(number)
        case .double(let number): writer.double(number)
        case .string(let text): writer.string(text)
        case .bytes(let bytes): writer.blob(bytes)
        case .timestamp(let timestamp): writer.timestamp(timestamp)
        case .array(let elements):
            writer.beginArray()
            for element in elements { write(element, to: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for member in object.members {
                writer.key(member.name)
                write(member.value, to: &writer)
            }
            writer.endObject()
        }
    }
}
