/// Why a signed request was refused, in the words AWS answers with; the service maps the kind to its own error
/// code (IncompleteSignatureException, InvalidSignatureException).
public struct SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Something the signature needs is missing or malformed.
        case incompleteSignature
        /// The signature is well formed but wrong: scope, time or the signature itself.
        case invalidSignature
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
