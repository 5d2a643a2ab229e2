import Crypto
import Foundation
import RivuletCore

/// Where a paginated listing (ListStreams, ListShards) continues. Sealed into an opaque NextToken with AES-GCM so
/// clients can neither read nor forge it, and refused once older than AWS's five minutes.
struct PageToken: Codable, Equatable, Sendable {
    enum Listing: String, Codable, Sendable {
        case streams
        case shards
    }

    var listing: Listing
    var account: String
    var region: String
    /// ListShards: the stream being listed and its creation time (a re-created stream is another stream).
    var streamName: String?
    var streamCreatedMilliseconds: Int64?
    /// ListShards: the filter of the first request, which applies to every page.
    var shardFilter: ShardListingFilter?
    /// The last item returned: a shard index or a stream name.
    var afterShardIndex: Int?
    var afterStreamName: String?
    var issuedMilliseconds: Int64
}

/// The ShardFilter of a ListShards request, in the form carried from page to page.
struct ShardListingFilter: Codable, Equatable, Sendable {
    var type: String
    var shardIndex: Int?
    var timestampMilliseconds: Int64?
}

/// Seals and opens page tokens with a key derived from the server's secret.
/// Unchecked because swift-crypto does not mark `SymmetricKey` Sendable everywhere, though it is immutable.
struct PageTokenCodec: @unchecked Sendable {
    private let key: SymmetricKey

    init(serverSecret: SymmetricKey) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: serverSecret, info: Data("rivulet page token".utf8), outputByteCount: 32)
    }

    func seal(_ token: PageToken) -> String {
        let plaintext = (try? JSONEncoder().encode(token)) ?? Data()
        // Sealing with a fresh random nonce cannot fail for a valid 256-bit key.
        let sealed = try! AES.GCM.seal(plaintext, using: key)
        return sealed.combined!.base64URLEncoded()
    }

    func open(_ text: String, nowMilliseconds: Int64) throws -> PageToken {
        let invalid = KinesisError(.invalidArgument, "Invalid NextToken.")
        guard let combined = Data(base64URLEncoded: text),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plaintext = try? AES.GCM.open(box, using: key),
            let token = try? JSONDecoder().decode(PageToken.self, from: plaintext)
        else { throw invalid }
        guard nowMilliseconds - token.issuedMilliseconds <= Limits.nextTokenLifetimeMilliseconds else {
            throw KinesisError(.expiredNextToken, "The timestamp sent in the NextToken has expired.")
        }
        return token
    }
}

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        self.init(base64Encoded: standard)
    }
}
