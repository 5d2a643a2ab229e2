/// The members of a body object in the order they arrived. Objects on this API have a handful of members, so a
/// linear search beats hashing, and the order is kept for messages that print maps as the client sent them.
public struct WireObject: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var name: String
        public var value: WireValue

        public init(name: String, value: WireValue) {
            self.name = name
            self.value = value
        }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The value of the member called `name`. When a name repeats, the last one wins, as Java JSON readers do.
    public subscript(name: String) -> WireValue? {
        members.last(where: { $0.name == name })?.value
    }

    public var isEmpty: Bool { members.isEmpty }
}
