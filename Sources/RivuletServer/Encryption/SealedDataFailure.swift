import RivuletCore

/// Why a sealed record's data could not be opened. Reads fail with it rather than return data that may be wrong.
enum SealedDataFailure: Error, Equatable {
    /// The stored bytes are not in the sealed format.
    case malformed(String)
    /// The keyring has no key with the fingerprint the record was sealed under.
    case keyMissing(fingerprint: UInt64)
    /// The tag does not match: the ciphertext, its nonce, its version or its fingerprint were changed.
    case authenticationFailed

    /// The failure as AWS reports KMS trouble on reads: a key it cannot find is KMSNotFoundException, data it cannot
    /// decrypt KMSInvalidStateException.
    func kinesisError(sequenceNumber: String) -> KinesisError {
        switch self {
        case .keyMissing(let fingerprint):
            KinesisError(
                .kmsNotFound,
                "Record \(sequenceNumber) was encrypted with a key (fingerprint \(Self.hex(fingerprint))) that is not "
                    + "in the server's keyring.")
        case .malformed(let detail):
            KinesisError(.kmsInvalidState, "Record \(sequenceNumber) cannot be decrypted: \(detail).")
        case .authenticationFailed:
            KinesisError(
                .kmsInvalidState,
                "Record \(sequenceNumber) cannot be decrypted: its ciphertext failed authentication (damaged or "
                    + "not sealed for this record).")
        }
    }

    private static func hex(_ fingerprint: UInt64) -> String {
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
