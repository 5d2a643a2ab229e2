import RivuletCore

/// Entry point for parsing JSON bodies.
public enum JSONCodec {
    /// Parses a complete JSON text strictly (RFC 8259: no comments, trailing commas, leading zeros, bare control
    /// characters, invalid UTF-8 or lone surrogates), with nesting bounded by `Limits.bodyNestingDepthMax`.
    /// Any refusal is a SerializationException without a message, as AWS answers unparseable bodies; the position
    /// of the fault is not reported, so nothing about the parser leaks to the client.
    public static func parse(_ bytes: some Collection<UInt8>) throws(KinesisError) -> WireValue {
        let parse = { (buffer: UnsafeRawBufferPointer) in
            Result { () throws(KinesisError) in try Self.parse(buffer: buffer) }
        }
        let result =
            bytes.withContiguousStorageIfAvailable { parse(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(parse)
        return try result.get()
    }

    /// `arrayElementsKeptMax` bounds the work done on a request's oversize list: see
    /// `Limits.bodyArrayElementsKeptMax`.
    public static func parse(
        buffer: UnsafeRawBufferPointer, arrayElementsKeptMax: Int = .max
    ) throws(KinesisError) -> WireValue {
        var parser = JSONParser(buffer, arrayElementsKeptMax: arrayElementsKeptMax)
        do throws(JSONParseError) {
            return try parser.parseDocument()
        } catch {
            throw KinesisError(.serializationException, "")
        }
    }
}
