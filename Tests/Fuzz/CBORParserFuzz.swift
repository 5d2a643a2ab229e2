/// libFuzzer's entry point for the CBOR parser, built by scripts/fuzz-cbor together with the few source files the
/// parser needs (not by SwiftPM: the package declares no target here). For every input the parser must return or
/// throw; a trap, an overflow or a memory fault is a finding. What it accepts must also survive being written by
/// CBORWriter and parsed again unchanged, so a value the parser builds wrongly is a finding too.
@_cdecl("LLVMFuzzerTestOneInput")
public func cborParserFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var parser = CBORParser(UnsafeRawBufferPointer(start: data, count: size))
    guard let value = try? parser.parseDocument(), !value.containsNull else { return 0 }
    var writer = CBORWriter()
    value.write(to: &writer)
    let rewritten = writer.bytes
    let reparsed = rewritten.withUnsafeBytes { buffer in
        var again = CBORParser(buffer)
        return try? again.parseDocument()
    }
    guard reparsed == value else { fatalError("written and parsed again, the value changed: \(value)") }
    return 0
}
