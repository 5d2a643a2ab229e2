import RivuletCore

/// Shapes to and from CBOR bodies (`application/x-amz-cbor-1.1`, what the AWS SDK for Java sends by default).
/// Blobs travel as raw byte strings and timestamps as tag 1 around epoch milliseconds; everything else is the same
/// tree of members as JSON.
public enum CBORWire {
    /// Reads a request. An empty body is refused, as JSONWire refuses it: the service never treats it as a map.
    public static func decode<Input: WireInput>(_: Input.Type, from bytes: some Collection<UInt8>) throws(KinesisError)
        -> Input
    {
        guard !bytes.isEmpty else { throw KinesisError(.serializationException, "") }
        return try Input(decoding: CBORCodec.parse(bytes))
    }

    /// Reads a response. Operations without output answer with an empty body, which reads as an empty map.
    public static func decode<Output: WireOutput>(_: Output.Type, from bytes: some Collection<UInt8>)
        throws(KinesisError) -> Output
    {
        guard !bytes.isEmpty else { return try Output(decoding: .object(WireObject())) }
        return try Output(decoding: CBORCodec.parse(bytes))
    }

    public static func encode(_ input: some WireInput) -> [UInt8] {
        var writer = CBORWriter()
        input.encode(to: &writer)
        return writer.bytes
    }

    /// An output without members writes nothing, so its body is empty, exactly as JSONWire's is: the two formats
    /// answer the same operations with the same (absent) body, and both decoders read an empty body as no members.
    public static func encode(_ output: some WireOutput) -> [UInt8] {
        var writer = CBORWriter()
        output.encode(to: &writer)
        return writer.bytes
    }
}
