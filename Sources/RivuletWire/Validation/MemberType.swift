/// A member's type in the model with the constraints on its values, as the checker applies them.
indirect enum MemberType: Sendable {
    case string(StringRule)
    /// The model's Integer shapes.
    case integer(ValueRange)
    /// The model's Long shapes.
    case long(ValueRange)
    case boolean
    case blob(LengthRange)
    case timestamp
    case structure(ShapeRules)
    case list(MemberType, LengthRange)
    case map(key: StringRule, value: StringRule, LengthRange)

    /// The type's name in the service's type errors ("can not be converted to an Integer").
    var javaName: String {
        switch self {
        case .string: "String"
        case .integer: "Integer"
        case .long: "Long"
        case .boolean: "Boolean"
        case .blob: "Blob"
        case .timestamp: "Timestamp"
        case .structure: "Structure"
        case .list: "List"
        case .map: "Map"
        }
    }
}

/// Bounds on a length: characters of a string, bytes of a blob, entries of a list or map.
struct LengthRange: Sendable {
    var min: Int?
    var max: Int?

    static let unbounded = LengthRange(min: nil, max: nil)

    init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

/// Bounds on a number.
struct ValueRange: Sendable {
    var min: Int64?
    var max: Int64?

    static let unbounded = ValueRange(min: nil, max: nil)

    init(min: Int64? = nil, max: Int64? = nil) {
        self.min = min
        self.max = max
    }
}
