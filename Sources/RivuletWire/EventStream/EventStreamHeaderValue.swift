/// The value of one event stream header, with the type codes of the framing (0 through 9).
public enum EventStreamHeaderValue: Sendable, Equatable {
    case boolean(Bool)
    case byte(Int8)
    case short(Int16)
    case integer(Int32)
    case long(Int64)
    case bytes([UInt8])
    case string(String)
    /// Epoch milliseconds.
    case timestamp(Int64)
    case uuid([UInt8])

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// One named header of an event stream message.
public struct EventStreamHeader: Sendable, Equatable {
    public var name: String
    public var value: EventStreamHeaderValue

    public init(_ name: String, _ value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}
