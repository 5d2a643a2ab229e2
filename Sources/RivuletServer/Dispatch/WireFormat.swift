import RivuletCore
import RivuletWire

/// The body format of a request, which its answer uses too: JSON from boto3 and the CLI, CBOR from the AWS SDK for
/// Java (and so the KCL).
enum WireFormat: Sendable {
    case json
    case cbor

    static let jsonContentType = "application/x-amz-json-1.1"
    static let cborContentType = "application/x-amz-cbor-1.1"

    init?(contentType: String) {
        switch contentType {
        case Self.jsonContentType: self = .json
        case Self.cborContentType: self = .cbor
        default: return nil
        }
    }

    var contentType: String {
        switch self {
        case .json: Self.jsonContentType
        case .cbor: Self.cborContentType
        }
    }

    func parse(_ bytes: UnsafeRawBufferPointer) throws(KinesisError) -> WireValue {
        switch self {
        case .json: try JSONCodec.parse(buffer: bytes)
        case .cbor: try CBORCodec.parse(buffer: bytes)
        }
    }

    func encode(_ output: some WireOutput) -> [UInt8] {
        switch self {
        case .json: JSONWire.encode(output)
        case .cbor: CBORWire.encode(output)
        }
    }

    func encode(_ error: KinesisError) -> [UInt8] {
        switch self {
        case .json: ErrorEnvelope.encodeJSON(error)
        case .cbor: ErrorEnvelope.encodeCBOR(error)
        }
    }
}
