/// A tag on a stream. Tags keep the order in which they were first added.
public struct StreamTag: Sendable, Codable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
