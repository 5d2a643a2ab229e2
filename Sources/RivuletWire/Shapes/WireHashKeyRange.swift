import RivuletCore

/// A shard's inclusive range of hash keys as decimal strings (named apart from RivuletCore's numeric
/// `HashKeyRange`, which it mirrors on the wire).
public struct WireHashKeyRange: Sendable, Equatable {
    public var startingHashKey: String
    public var endingHashKey: String

    public init(startingHashKey: String, endingHashKey: String) {
        self.startingHashKey = startingHashKey
        self.endingHashKey = endingHashKey
    }
}

extension WireHashKeyRange: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        startingHashKey = try members.required("StartingHashKey")
        endingHashKey = try members.required("EndingHashKey")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("StartingHashKey", startingHashKey)
        writer.member("EndingHashKey", endingHashKey)
        writer.endObject()
    }
}
