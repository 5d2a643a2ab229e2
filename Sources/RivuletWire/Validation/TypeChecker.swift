import RivuletCore

/// The first pass over a request: every present member must have its model type, or the request fails with the
/// SerializationException (and the words) of the service's Java deserializer. The result is the body reduced to
/// the shape's members, nulls dropped (the service treats null as absent), numbers truncated to integers where the
/// model wants integers, and blobs decoded to bytes.
enum TypeChecker {
    static func normalize(_ object: WireObject, _ rules: ShapeRules) throws(KinesisError) -> WireObject {
        var members: [WireObject.Member] = []
        members.reserveCapacity(rules.members.count)
        for rule in rules.members {
            guard let value = object[rule.name], value != .null else { continue }
            members.append(WireObject.Member(name: rule.name, value: try normalize(value, rule.type)))
        }
        return WireObject(members)
    }

    private static func normalize(_ value: WireValue, _ type: MemberType) throws(KinesisError) -> WireValue {
        switch (type, value) {
        case (.string, .string), (.boolean, .bool), (.long, .integer), (.blob, .bytes),
            (.timestamp, .integer), (.timestamp, .double), (.timestamp, .timestamp):
            return value
        case (.integer, .integer(let number)):
            // The model's Integer is 32 bits; a larger value must not reach arithmetic that assumes it fits.
            guard Int64(Int32.min)...Int64(Int32.max) ~= number else { throw outOfRange(String(number), "int") }
            return value
        case (.integer, .double(let number)):
            let truncated = number.rounded(.towardZero)
            guard truncated >= Double(Int32.min), truncated <= Double(Int32.max) else {
                throw outOfRange(String(number), "int")
            }
            return .integer(Int64(truncated))
        case (.long, .double(let number)):
            let truncated = number.rounded(.towardZero)
            // 2^63 is the first double above Int64.max; NaN and infinities fail both comparisons.
            guard truncated >= -0x1p63, truncated < 0x1p63 else { throw outOfRange(String(number), "long") }
            return .integer(Int64(truncated))
        case (.boolean, .string(let text)):
            // The deserializer reads these words as booleans and refuses any other string, in capitals.
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw error("'\(EchoedValue.cut(text.uppercased()))' can not be converted to an Boolean")
            }
        case (.blob, .string(let text)):
            return .bytes(try Base64Blob.decode(text))
        case (.structure(let rules), .object(let object)):
            return .object(try normalize(object, rules))
        case (.list(let elementType, _), .array(let elements)):
            var normalized: [WireValue] = []
            normalized.reserveCapacity(elements.count)
            for element in elements where element != .null {
                normalized.append(try normalize(element, elementType))
            }
            return .array(normalized)
        case (.map(_, let valueRule, _), .object(let object)):
            var entries: [WireObject.Member] = []
            for member in object.members where member.value != .null {
                entries.append(
                    WireObject.Member(name: member.name, value: try normalize(member.value, .string(valueRule))))
            }
            return .object(WireObject(entries))
        default:
            throw error(mismatch(type, value))
        }
    }

    /// The deserializer's words for a value of the wrong kind.
    private static func mismatch(_ type: MemberType, _ value: WireValue) -> String {
        let listFound = "Start of list found where not expected"
        let objectFound = "Start of structure or map found where not expected."
        switch type {
        case .list:
            if case .object = value { return objectFound }
            return "Expected list or null"
        case .map:
            if case .array = value { return listFound }
            return "Expected map or null"
        case .structure:
            if case .array = value { return listFound }
            return "Expected null"
        default:
            switch value {
            case .array: return listFound
            case .object: return objectFound
            default:
                if case .blob = type { return "class \(javaClass(of: value)) can not be converted to a Blob" }
                return "class \(javaClass(of: value)) can not be converted to an \(type.javaName)"
            }
        }
    }

    private static func javaClass(of value: WireValue) -> String {
        switch value {
        case .bool: "java.lang.Boolean"
        case .string: "java.lang.String"
        case .bytes: "java.nio.HeapByteBuffer"
        case .timestamp: "java.util.Date"
        default: "com.amazon.coral.value.json.numbers.TruncatingBigNumber"
        }
    }

    /// The deserializer's words for a number its Java type cannot hold.
    private static func outOfRange(_ text: String, _ javaType: String) -> KinesisError {
        let bounds = javaType == "int" ? "(\(Int32.min) - \(Int32.max))" : "(\(Int64.min) - \(Int64.max))"
        return error("Numeric value (\(text)) out of range of \(javaType) \(bounds)")
    }

    private static func error(_ message: String) -> KinesisError {
        KinesisError(.serializationException, message)
    }
}
