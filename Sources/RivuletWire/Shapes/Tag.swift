import RivuletCore

/// A tag as the listing operations return it.
public struct Tag: Sendable, Equatable {
    public var key: String
    public var value: String?

    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }
}

extension Tag: WireStructure {
    init(members: WireMembers) throws(KinesisError) {
        key = try members.required("Key")
        value = members.optional("Value")
    }

    func encode<Writer: WireWriter>(to writer: inout Writer) {
        writer.beginObject()
        writer.member("Key", key)
        writer.member("Value", value)
        writer.endObject()
    }
}
