import RivuletCore

/// Entry point for parsing CBOR bodies, the counterpart of `JSONCodec`.
public enum CBORCodec {
    /// Parses exactly one CBOR data item (RFC 8949) and nothing after it, with nesting of containers and tags
    /// bounded by `Limits.bodyNestingDepthMax`. Any refusal is the same message-less SerializationException that
    /// unparseable JSON gets, so the dispatcher answers both formats alike.
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
        var parser = CBORParser(buffer, arrayElementsKeptMax: arrayElementsKeptMax)
        do throws(CBORParser.Malformed) {
            return try parser.parseDocument()
        } catch {
            throw KinesisError(.serializationException, "")
        }
    }
}
