import RivuletCore

/// A body format of the API: JSON from boto3 and the CLI, CBOR from the AWS SDK for Java (and so the KCL). The server
/// answers in the request's format; the client sends the one it is configured with.
public enum WireFormat: String, Sendable, CaseIterable {
    case json
    case cbor

    public static let jsonContentType = "application/x-amz-json-1.1"
    public static let cborContentType = "application/x-amz-cbor-1.1"

    public init?(contentType: String) {
        switch contentType {
        case Self.jsonContentType: self = .json
        case Self.cborContentType: self = .cbor
        default: return nil
        }
    }

    public var contentType: String {
        switch self {
        case .json: Self.jsonContentType
        case .cbor: Self.cborContentType
        }
    }

    /// Parses a request body: arrays keep at most `Limits.bodyArrayElementsKeptMax` elements, enough for every
    /// list the model allows and for its length constraint to refuse a longer one.
    public func parseRequest(_ bytes: UnsafeRawBufferPointer) throws(KinesisError) -> WireValue {
        switch self {
        case .json: try JSONCodec.parse(buffer: bytes, arrayElementsKeptMax: Limits.bodyArrayElementsKeptMax)
        case .cbor: try CBORCodec.parse(buffer: bytes, arrayElementsKeptMax: Limits.bodyArrayElementsKeptMax)
        }
    }

    public func encode(_ output: some WireOutput) -> [UInt8] {
        switch self {
        case .json: JSONWire.encode(output)
        case .cbor: CBORWire.encode(output)
        }
    }

    public func encode(_ error: KinesisError) -> [UInt8] {
        switch self {
        case .json: ErrorEnvelope.encodeJSON(error)
        case .cbor: ErrorEnvelope.encodeCBOR(error)
        }
    }

    public func encode(_ input: some WireInput) -> [UInt8] {
        switch self {
        case .json: JSONWire.encode(input)
        case .cbor: CBORWire.encode(input)
        }
    }

    public func decode<Output: WireOutput>(_: Output.Type, from bytes: [UInt8]) throws(KinesisError) -> Output {
        switch self {
        case .json: try JSONWire.decode(Output.self, from: bytes)
        case .cbor: try CBORWire.decode(Output.self, from: bytes)
        }
    }

    public func decodeError(_ bytes: [UInt8], httpStatus: Int) -> KinesisError {
        switch self {
        case .json: ErrorEnvelope.decodeJSON(bytes, httpStatus: httpStatus)
        case .cbor: ErrorEnvelope.decodeCBOR(bytes, httpStatus: httpStatus)
        }
    }
}
