import Crypto
import RivuletCore

/// Turns page positions into opaque NextToken strings and back, sealed like shard iterators but under their own
/// purpose, so that neither can pass for the other.
public struct NextTokenCodec: Sendable {
    private static let purpose = "rivulet next token"
    private static let version: UInt8 = 2
    /// Marks an absent filter timestamp; no real timestamp is this far in the past.
    private static let absentTimestamp = Int64.min

    private let sealer: TokenSealer

    /// `key` must be 256 bits.
    public init(key: SymmetricKey) {
        sealer = TokenSealer(key: key)
    }

    public func seal(_ page: PagePosition) -> String {
        var writer = TokenWriter(version: Self.version)
        writer.integer(page.issuedMilliseconds)
        writer.integer(page.streamCreatedMilliseconds)
        writer.string(page.account)
        writer.string(page.region)
        writer.string(page.streamName)
        writer.string(page.lastKey)
        writer.string(page.shardFilter?.type.rawValue ?? "")
        writer.string(page.shardFilter?.shardId ?? "")
        writer.integer(page.shardFilter?.timestamp?.epochMilliseconds ?? Self.absentTimestamp)
        return sealer.seal(writer.bytes, purpose: Self.purpose)
    }

    /// The position `text` stands for. Text this server did not issue is an InvalidArgumentException; a token
    /// issued more than `Limits.nextTokenLifetimeMilliseconds` ago is an ExpiredNextTokenException.
    public func open(_ text: String, nowMilliseconds: Int64) throws(KinesisError) -> PagePosition {
        guard let page = decode(text) else {
            throw KinesisError(.invalidArgument, "Invalid NextToken.")
        }
        guard nowMilliseconds - page.issuedMilliseconds <= Limits.nextTokenLifetimeMilliseconds else {
            throw KinesisError(.expiredNextToken, "The NextToken has expired. Request the first page again.")
        }
        return page
    }

    private func decode(_ text: String) -> PagePosition? {
        guard let plaintext = sealer.open(text, purpose: Self.purpose),
            var reader = TokenReader(plaintext, version: Self.version),
            let issued = reader.integer(), let created = reader.integer(), let account = reader.string(),
            let region = reader.string(), let streamName = reader.string(), let lastKey = reader.string(),
            let filterType = reader.string(), let filterShardId = reader.string(),
            let filterTimestamp = reader.integer(), reader.isAtEnd
        else { return nil }
        var filter: ShardFilter?
        if !filterType.isEmpty {
            guard let type = ShardFilterType(rawValue: filterType) else { return nil }
            filter = ShardFilter(
                type: type, shardId: filterShardId.isEmpty ? nil : filterShardId,
                timestamp: filterTimestamp == Self.absentTimestamp
                    ? nil : WireTimestamp(epochMilliseconds: filterTimestamp))
        }
        return PagePosition(
            account: account, region: region, streamName: streamName, streamCreatedMilliseconds: created,
            lastKey: lastKey, shardFilter: filter, issuedMilliseconds: issued)
    }
}
