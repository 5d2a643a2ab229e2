import Crypto
import RivuletCore

/// Turns iterator positions into opaque ShardIterator strings and back. The key is the server's: it keeps it in its
/// data directory so that iterators stay valid across a restart.
public struct ShardIteratorCodec: Sendable {
    private static let purpose = "rivulet shard iterator"
    private static let version: UInt8 = 1

    private let sealer: TokenSealer

    /// `key` must be 256 bits.
    public init(key: SymmetricKey) {
        sealer = TokenSealer(key: key)
    }

    public func seal(_ iterator: IteratorPosition) -> String {
        precondition(iterator.account.utf8.count <= Limits.iteratorScopeBytesMax, "account ids are short")
        precondition(iterator.region.utf8.count <= Limits.iteratorScopeBytesMax, "region names are short")
        precondition(iterator.streamName.utf8.count <= Limits.streamNameLengthMax)
        var writer = TokenWriter(version: Self.version)
        writer.integer(iterator.issuedMilliseconds)
        writer.integer(iterator.streamCreatedMilliseconds)
        writer.integer(Int64(iterator.shardIndex))
        writer.integer(iterator.position)
        writer.string(iterator.account)
        writer.string(iterator.region)
        writer.string(iterator.streamName)
        let text = sealer.seal(writer.bytes, purpose: Self.purpose)
        assert(text.utf8.count <= Limits.shardIteratorLengthMax)
        return text
    }

    /// The position `text` stands for. Text this server did not issue is an InvalidArgumentException; an iterator
    /// issued more than `Limits.shardIteratorLifetimeMilliseconds` ago is an ExpiredIteratorException.
    public func open(_ text: String, nowMilliseconds: Int64) throws(KinesisError) -> IteratorPosition {
        guard let iterator = decode(text) else {
            throw KinesisError(.invalidArgument, "Invalid ShardIterator.")
        }
        guard nowMilliseconds - iterator.issuedMilliseconds <= Limits.shardIteratorLifetimeMilliseconds else {
            throw KinesisError(
                .expiredIterator,
                "Iterator expired. The iterator was created at time "
                    + JavaDateText.format(epochMilliseconds: iterator.issuedMilliseconds)
                    + " while right now it is " + JavaDateText.format(epochMilliseconds: nowMilliseconds)
                    + " which is further in the future than the tolerated delay of "
                    + "\(Limits.shardIteratorLifetimeMilliseconds) milliseconds.")
        }
        return iterator
    }

    private func decode(_ text: String) -> IteratorPosition? {
        guard let plaintext = sealer.open(text, purpose: Self.purpose),
            var reader = TokenReader(plaintext, version: Self.version),
            let issued = reader.integer(), let created = reader.integer(), let shardIndex = reader.integer(),
            let position = reader.unsignedInteger(), let account = reader.string(), let region = reader.string(),
            let streamName = reader.string(), reader.isAtEnd, shardIndex >= 0
        else { return nil }
        return IteratorPosition(
            account: account, region: region, streamName: streamName, streamCreatedMilliseconds: created,
            shardIndex: Int(shardIndex), position: position, issuedMilliseconds: issued)
    }
}
