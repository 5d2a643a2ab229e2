import RivuletCore

/// Shapes to and from JSON bodies (`application/x-amz-json-1.1`).
public enum JSONWire {
    /// Reads a request. An empty body is refused like malformed JSON (the service never treats it as `{}`).
    public static func decode<Input: WireInput>(_: Input.Type, from bytes: some Collection<UInt8>) throws(KinesisError)
        -> Input
    {
        guard !bytes.isEmpty else { throw KinesisError(.serializationException, "") }
        return try Input(decoding: JSONCodec.parse(bytes))
    }

    /// Reads a response. Operations without output answer with an empty body, which reads as `{}`.
    public static func decode<Output: WireOutput>(_: Output.Type, from bytes: some Collection<UInt8>)
        throws(KinesisError) -> Output
    {
        guard !bytes.isEmpty else { return try Output(decoding: .object(WireObject())) }
        return try Output(decoding: JSONCodec.parse(bytes))
    }

    public static func encode(_ input: some WireInput) -> [UInt8] {
        var writer = JSONWriter()
        input.encode(to: &writer)
        return writer.bytes
    }

    /// An output without members writes nothing, so its body is empty, as the service sends it.
    public static func encode(_ output: some WireOutput) -> [UInt8] {
        var writer = JSONWriter()
        output.encode(to: &writer)
        return writer.bytes
    }
}
