import Crypto
import RivuletCore

/// The canonical form of a request that SigV4 hashes and signs: method, normalised path, sorted query, the signed
/// headers with their values tidied, the list of their names, and the payload hash, one per line.
public struct SigV4CanonicalRequest: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// - Parameter signedHeaders: lower-case names, in the order the Authorization header lists them.
    public init(_ request: SigV4Request, signedHeaders: [String], pathEncoding: SigV4PathEncoding = .normalizedAndEncoded) {
        let headerLines = signedHeaders.map { name in
            name + ":" + request.values(of: name).map(Self.canonicalHeaderValue).joined(separator: ",")
        }
        text = [
            request.method.uppercased(),
            pathEncoding.canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headerLines.joined(separator: "\n") + "\n",
            signedHeaders.joined(separator: ";"),
            request.payloadHash,
        ].joined(separator: "\n")
    }

    public var description: String { text }

    /// What is actually signed: the algorithm, the signing time, the scope and the hash of the canonical request.
    public func stringToSign(timestamp: SigV4Timestamp, credentialScope: String) -> String {
        let hash = SigV4.hex(SHA256.hash(data: Array(text.utf8)))
        return [SigV4.algorithm, timestamp.basicFormat, credentialScope, hash].joined(separator: "\n")
    }

    /// Each name and value decoded and encoded again in the canonical way, then sorted by name and by value.
    static func canonicalQuery(_ query: String) -> String {
        let pairs = query.split(separator: "&").map { pair -> (name: String, value: String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? parts[1] : ""
            return (
                PercentEncoding.encode(PercentEncoding.decode(parts[0])),
                PercentEncoding.encode(PercentEncoding.decode(value))
            )
        }
        // Encoded names and values are ASCII, where string order is byte order.
        return pairs.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// Leading and trailing whitespace removed and inner runs of it reduced to one space.
    static func canonicalHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
    }
}
