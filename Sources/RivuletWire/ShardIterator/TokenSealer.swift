import Crypto
import ExtrasBase64

/// Seals small records into opaque base64url text with AES-GCM, so that clients can neither read nor forge the
/// iterators and page tokens the server hands out. Each kind of token is sealed under its own purpose, bound as
/// authenticated data, so one kind cannot be replayed as another.
///
/// Unchecked because swift-crypto does not mark `SymmetricKey` Sendable on every platform, though it is an
/// immutable value: the sealer never changes its key after creation.
struct TokenSealer: @unchecked Sendable {
    private let key: SymmetricKey

    init(key: SymmetricKey) {
        precondition(key.bitCount == 256, "tokens are sealed with a 256-bit key")
        self.key = key
    }

    func seal(_ plaintext: [UInt8], purpose: String) -> String {
        do {
            let box = try AES.GCM.seal(plaintext, using: key, authenticating: Array(purpose.utf8))
            // A fresh random nonce is always available; `combined` is nil only for nonstandard nonce sizes.
            guard let combined = box.combined else { preconditionFailure("AES-GCM with a standard nonce") }
            return Base64.encodeToString(bytes: combined, options: [.base64UrlAlphabet, .omitPaddingCharacter])
        } catch {
            preconditionFailure("AES-GCM sealing cannot fail with a valid key: \(error)")
        }
    }

    /// The plaintext, or nil for text this key did not seal for this purpose (garbage, truncated or tampered).
    func open(_ text: String, purpose: String) -> [UInt8]? {
        guard
            let combined = try? Base64.decode(string: text, options: [.base64UrlAlphabet, .omitPaddingCharacter]),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plaintext = try? AES.GCM.open(box, using: key, authenticating: Array(purpose.utf8))
        else { return nil }
        return Array(plaintext)
    }
}
