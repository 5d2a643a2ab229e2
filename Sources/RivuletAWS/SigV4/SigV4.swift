import Crypto

/// The constants and key derivation of AWS Signature Version 4, shared by the signer and the verifier, for any
/// service.
public enum SigV4 {
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The last element of every credential scope.
    public static let terminator = "aws4_request"
    /// The payload hash of a request whose body is not signed (S3 over TLS, or a body streamed unseen).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// The header S3 requires, carrying the payload hash that the canonical request ends with.
    public static let contentHashHeader = "x-amz-content-sha256"

    /// `{date}/{region}/{service}/aws4_request`: what a signature is valid for, and the input of the key derivation.
    public static func credentialScope(date: String, region: String, service: String) -> String {
        "\(date)/\(region)/\(service)/\(terminator)"
    }

    /// The key that signs one day's requests to one service in one region. Deriving it by a chain of HMACs means a
    /// leaked key exposes only that day, region and service, never the secret itself.
    public static func signingKey(secretAccessKey: String, date: String, region: String, service: String)
        -> SymmetricKey
    {
        var key = SymmetricKey(data: Array("AWS4\(secretAccessKey)".utf8))
        for element in [date, region, service, terminator] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(element.utf8), using: key)))
        }
        return key
    }

    /// The hex HMAC of the string to sign: the value of `Signature=` in the Authorization header.
    public static func signature(stringToSign: String, signingKey: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// The lower-case hex SHA-256 of `bytes`, as the canonical request carries the payload.
    public static func payloadHash(_ bytes: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The lower-case hex SHA-256 of `bytes`.
    public static func payloadHash(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { payloadHash($0) }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        text.reserveCapacity(64)
        for byte in bytes {
            text.unicodeScalars.append(hexDigits[Int(byte >> 4)])
            text.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
        }
        return text
    }

    private static let hexDigits: [Unicode.Scalar] = Array("0123456789abcdef".unicodeScalars)
}
