import RivuletCore

/// The body of an error response: `{"__type":"ResourceNotFoundException","message":"..."}`, in JSON or as the same
/// map in CBOR.
public enum ErrorEnvelope {
    /// Writes `error` as the service does. SerializationExceptions carry their text under `Message`, the others
    /// under `message`; an empty message is left out, as for unparseable bodies.
    public static func encode<Writer: WireWriter>(_ error: KinesisError, to writer: inout Writer) {
        writer.beginObject()
        writer.key("__type")
        writer.string(error.code.rawValue)
        if !error.message.isEmpty {
            writer.key(error.code == .serializationException ? "Message" : "message")
            writer.string(error.message)
        }
        writer.endObject()
    }

    public static func encodeJSON(_ error: KinesisError) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + error.message.utf8.count)
        encode(error, to: &writer)
        return writer.bytes
    }

    /// The same map in CBOR, for requests that came as CBOR: the SDK reads `__type` and the message by name
    /// whatever the format.
    public static func encodeCBOR(_ error: KinesisError) -> [UInt8] {
        var writer = CBORWriter(capacity: 64 + error.message.utf8.count)
        encode(error, to: &writer)
        return writer.bytes
    }

    /// Reads an error response on the client side. Accepts `message` or `Message`, and a `__type` with a namespace
    /// (`com.amazonaws.kinesis#ResourceNotFoundException`) or a suffix after a colon, as AWS services send. An
    /// unknown type, or a body that is not an error at all, reads as a failure with that status's generic code.
    public static func decode(_ value: WireValue, httpStatus: Int) -> KinesisError {
        let fallback: KinesisErrorCode = httpStatus >= 500 ? .internalFailure : .validation
        guard case .object(let object) = value else {
            return KinesisError(fallback, "The service answered HTTP \(httpStatus) without an error body.")
        }
        let message = object["message"].flatMap(String.init(wire:))
            ?? object["Message"].flatMap(String.init(wire:)) ?? ""
        guard let type = object["__type"].flatMap(String.init(wire:)) else {
            return KinesisError(fallback, message)
        }
        let name = type.split(separator: "#").last.map { $0.split(separator: ":").first ?? $0 } ?? Substring(type)
        guard let code = KinesisErrorCode(rawValue: String(name)) else {
            return KinesisError(fallback, "\(name): \(message)")
        }
        return KinesisError(code, message)
    }

    public static func decodeJSON(_ bytes: [UInt8], httpStatus: Int) -> KinesisError {
        guard let value = try? JSONCodec.parse(bytes) else {
            return KinesisError(
                httpStatus >= 500 ? .internalFailure : .validation,
                "The service answered HTTP \(httpStatus) with a body that is not JSON.")
        }
        return decode(value, httpStatus: httpStatus)
    }

    public static func decodeCBOR(_ bytes: [UInt8], httpStatus: Int) -> KinesisError {
        guard let value = try? CBORCodec.parse(bytes) else {
            return KinesisError(
                httpStatus >= 500 ? .internalFailure : .validation,
                "The service answered HTTP \(httpStatus) with a body that is not CBOR.")
        }
        return decode(value, httpStatus: httpStatus)
    }
}
