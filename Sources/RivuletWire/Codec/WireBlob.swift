/// Reads a blob member: raw bytes from CBOR, or base64 text from JSON. Blobs are `[UInt8]`, which as an array
/// would read as a list of numbers, so they are read through this function instead of `WireDecodable`.
enum WireBlob {
    static func bytes(_ value: WireValue) -> [UInt8]? {
        switch value {
        case .bytes(let bytes): bytes
        case .string(let text): Base64Blob.decodeCanonical(text)
        default: nil
        }
    }
}
